export const id = 903;
export const ids = [903];
export const modules = {

/***/ 8903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   proxyAwareHandler: () => (/* binding */ proxyAwareHandler)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var agent_base__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(319);
/* harmony import */ var https_proxy_agent__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8270);
/* harmony import */ var proxy_from_env__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8182);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1279);






class EnvProxyAgent extends agent_base__WEBPACK_IMPORTED_MODULE_2__/* .Agent */ .g6 {
    proxies = new Map();
    connect(req, opts) {
        const secure = opts.secureEndpoint;
        const url = `${secure ? 'https' : 'http'}://${req.host}:${opts.port ?? (secure ? 443 : 80)}`;
        const proxy = (0,proxy_from_env__WEBPACK_IMPORTED_MODULE_4__/* .getProxyForUrl */ .T)(url);
        if (!proxy)
            return secure ? (node_https__WEBPACK_IMPORTED_MODULE_1___default().globalAgent) : (node_http__WEBPACK_IMPORTED_MODULE_0___default().globalAgent);
        let agent = this.proxies.get(proxy);
        if (!agent)
            this.proxies.set(proxy, (agent = new https_proxy_agent__WEBPACK_IMPORTED_MODULE_3__/* .HttpsProxyAgent */ .b(proxy, { keepAlive: true })));
        return agent;
    }
}
function proxyAwareHandler() {
    const agent = new EnvProxyAgent({ keepAlive: true });
    return new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_5__/* .NodeHttpHandler */ .$c({ httpAgent: agent, httpsAgent: agent });
}


/***/ })

};

//# sourceMappingURL=903.index.js.map