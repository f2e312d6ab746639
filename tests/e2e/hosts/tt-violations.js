// Records every Content-Security-Policy violation on the page (Trusted Types ones included),
// for hardening.test.mjs. An external script, as the page's policy allows no inline script.
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI,
    sample: e.sample, source: e.sourceFile + ":" + e.lineNumber + ":" + e.columnNumber, disposition: e.disposition });
});
