import { describe, expect, it } from '@jest/globals'
import { parseLines } from '../../src/config/lines.js'

describe('parseLines: one value per line', () => {
  it.each([
    ['shop', ['shop']],
    ['shop\ncart', ['shop', 'cart']],
    ['  shop \n\n cart\n', ['shop', 'cart']],
    ['', []],
    ['\n \n', []],
  ])('%j → %j', (value, lines) => expect(parseLines(value)).toEqual(lines))
})
