export const id = 450;
export const ids = [450];
export const modules = {

/***/ 450:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getOctokit: () => (/* binding */ getOctokit)
/* harmony export */ });
/* unused harmony export context */
/* harmony import */ var _lazy_http_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8589);
// What the bundle sees as `@actions/github` (build/tsconfig.json maps the name here; src/github.ts imports it
// only when a run talks to GitHub). @actions/github calls HttpClient's synchronous getAgent as it loads, which
// the lazy stand-in (build/lazy-http-client.ts) answers only once the real module is loaded: load that first,
// then the real @actions/github (imported, not re-exported statically, so that it evaluates after).

await (0,_lazy_http_client_js__WEBPACK_IMPORTED_MODULE_0__/* .loadRealHttpClient */ ._)();
const github = await Promise.all(/* import() */[__webpack_require__.e(734), __webpack_require__.e(75)]).then(__webpack_require__.bind(__webpack_require__, 1075));
const { context, getOctokit } = github;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
