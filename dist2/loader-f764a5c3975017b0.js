const routes = [["^/assessments/[^/]+/results/?$", ["/wasm-105cd2e6b1546ba1/chunk_10.wasm", "/wasm-105cd2e6b1546ba1/chunk_12.wasm", "/wasm-105cd2e6b1546ba1/chunk_13.wasm", "/wasm-105cd2e6b1546ba1/chunk_16.wasm", "/wasm-105cd2e6b1546ba1/chunk_18.wasm", "/wasm-105cd2e6b1546ba1/chunk_22.wasm", "/wasm-105cd2e6b1546ba1/chunk_23.wasm", "/wasm-105cd2e6b1546ba1/chunk_25.wasm", "/wasm-105cd2e6b1546ba1/chunk_28.wasm", "/wasm-105cd2e6b1546ba1/chunk_30.wasm", "/wasm-105cd2e6b1546ba1/chunk_31.wasm", "/wasm-105cd2e6b1546ba1/chunk_38.wasm", "/wasm-105cd2e6b1546ba1/chunk_40.wasm", "/wasm-105cd2e6b1546ba1/chunk_45.wasm", "/wasm-105cd2e6b1546ba1/split_stored_data.wasm", "/wasm-105cd2e6b1546ba1/chunk_9.wasm", "/wasm-105cd2e6b1546ba1/chunk_11.wasm", "/wasm-105cd2e6b1546ba1/chunk_15.wasm", "/wasm-105cd2e6b1546ba1/chunk_17.wasm", "/wasm-105cd2e6b1546ba1/chunk_21.wasm", "/wasm-105cd2e6b1546ba1/chunk_24.wasm", "/wasm-105cd2e6b1546ba1/chunk_27.wasm", "/wasm-105cd2e6b1546ba1/chunk_29.wasm", "/wasm-105cd2e6b1546ba1/chunk_34.wasm", "/wasm-105cd2e6b1546ba1/chunk_35.wasm", "/wasm-105cd2e6b1546ba1/chunk_37.wasm", "/wasm-105cd2e6b1546ba1/chunk_39.wasm", "/wasm-105cd2e6b1546ba1/chunk_42.wasm", "/wasm-105cd2e6b1546ba1/chunk_43.wasm", "/wasm-105cd2e6b1546ba1/chunk_46.wasm", "/wasm-105cd2e6b1546ba1/split_results.wasm"]], ["^/assessments/[^/]+/?$", ["/wasm-105cd2e6b1546ba1/chunk_10.wasm", "/wasm-105cd2e6b1546ba1/chunk_12.wasm", "/wasm-105cd2e6b1546ba1/chunk_13.wasm", "/wasm-105cd2e6b1546ba1/chunk_16.wasm", "/wasm-105cd2e6b1546ba1/chunk_18.wasm", "/wasm-105cd2e6b1546ba1/chunk_22.wasm", "/wasm-105cd2e6b1546ba1/chunk_23.wasm", "/wasm-105cd2e6b1546ba1/chunk_25.wasm", "/wasm-105cd2e6b1546ba1/chunk_28.wasm", "/wasm-105cd2e6b1546ba1/chunk_30.wasm", "/wasm-105cd2e6b1546ba1/chunk_31.wasm", "/wasm-105cd2e6b1546ba1/chunk_38.wasm", "/wasm-105cd2e6b1546ba1/chunk_40.wasm", "/wasm-105cd2e6b1546ba1/chunk_45.wasm", "/wasm-105cd2e6b1546ba1/split_stored_data.wasm", "/wasm-105cd2e6b1546ba1/chunk_11.wasm", "/wasm-105cd2e6b1546ba1/chunk_14.wasm", "/wasm-105cd2e6b1546ba1/chunk_17.wasm", "/wasm-105cd2e6b1546ba1/chunk_19.wasm", "/wasm-105cd2e6b1546ba1/chunk_24.wasm", "/wasm-105cd2e6b1546ba1/chunk_26.wasm", "/wasm-105cd2e6b1546ba1/chunk_29.wasm", "/wasm-105cd2e6b1546ba1/chunk_32.wasm", "/wasm-105cd2e6b1546ba1/chunk_35.wasm", "/wasm-105cd2e6b1546ba1/chunk_36.wasm", "/wasm-105cd2e6b1546ba1/chunk_39.wasm", "/wasm-105cd2e6b1546ba1/chunk_41.wasm", "/wasm-105cd2e6b1546ba1/chunk_43.wasm", "/wasm-105cd2e6b1546ba1/chunk_44.wasm", "/wasm-105cd2e6b1546ba1/chunk_46.wasm", "/wasm-105cd2e6b1546ba1/split_walkthrough.wasm"]], ["^/assessments/?$", ["/wasm-105cd2e6b1546ba1/chunk_10.wasm", "/wasm-105cd2e6b1546ba1/chunk_12.wasm", "/wasm-105cd2e6b1546ba1/chunk_13.wasm", "/wasm-105cd2e6b1546ba1/chunk_16.wasm", "/wasm-105cd2e6b1546ba1/chunk_18.wasm", "/wasm-105cd2e6b1546ba1/chunk_22.wasm", "/wasm-105cd2e6b1546ba1/chunk_23.wasm", "/wasm-105cd2e6b1546ba1/chunk_25.wasm", "/wasm-105cd2e6b1546ba1/chunk_28.wasm", "/wasm-105cd2e6b1546ba1/chunk_30.wasm", "/wasm-105cd2e6b1546ba1/chunk_31.wasm", "/wasm-105cd2e6b1546ba1/chunk_38.wasm", "/wasm-105cd2e6b1546ba1/chunk_40.wasm", "/wasm-105cd2e6b1546ba1/chunk_45.wasm", "/wasm-105cd2e6b1546ba1/split_stored_data.wasm", "/wasm-105cd2e6b1546ba1/chunk_7.wasm", "/wasm-105cd2e6b1546ba1/chunk_8.wasm", "/wasm-105cd2e6b1546ba1/chunk_9.wasm", "/wasm-105cd2e6b1546ba1/chunk_11.wasm", "/wasm-105cd2e6b1546ba1/chunk_14.wasm", "/wasm-105cd2e6b1546ba1/chunk_15.wasm", "/wasm-105cd2e6b1546ba1/chunk_17.wasm", "/wasm-105cd2e6b1546ba1/chunk_19.wasm", "/wasm-105cd2e6b1546ba1/chunk_20.wasm", "/wasm-105cd2e6b1546ba1/chunk_21.wasm", "/wasm-105cd2e6b1546ba1/chunk_24.wasm", "/wasm-105cd2e6b1546ba1/chunk_26.wasm", "/wasm-105cd2e6b1546ba1/chunk_27.wasm", "/wasm-105cd2e6b1546ba1/chunk_29.wasm", "/wasm-105cd2e6b1546ba1/chunk_32.wasm", "/wasm-105cd2e6b1546ba1/split_assessments.wasm"]], ["^/learn(/|$)", ["/wasm-105cd2e6b1546ba1/chunk_8.wasm", "/wasm-105cd2e6b1546ba1/chunk_9.wasm", "/wasm-105cd2e6b1546ba1/chunk_10.wasm", "/wasm-105cd2e6b1546ba1/chunk_11.wasm", "/wasm-105cd2e6b1546ba1/chunk_12.wasm", "/wasm-105cd2e6b1546ba1/chunk_13.wasm", "/wasm-105cd2e6b1546ba1/chunk_14.wasm", "/wasm-105cd2e6b1546ba1/chunk_20.wasm", "/wasm-105cd2e6b1546ba1/chunk_21.wasm", "/wasm-105cd2e6b1546ba1/chunk_22.wasm", "/wasm-105cd2e6b1546ba1/chunk_23.wasm", "/wasm-105cd2e6b1546ba1/chunk_24.wasm", "/wasm-105cd2e6b1546ba1/chunk_25.wasm", "/wasm-105cd2e6b1546ba1/chunk_26.wasm", "/wasm-105cd2e6b1546ba1/chunk_33.wasm", "/wasm-105cd2e6b1546ba1/chunk_34.wasm", "/wasm-105cd2e6b1546ba1/chunk_35.wasm", "/wasm-105cd2e6b1546ba1/chunk_36.wasm", "/wasm-105cd2e6b1546ba1/chunk_42.wasm", "/wasm-105cd2e6b1546ba1/chunk_43.wasm", "/wasm-105cd2e6b1546ba1/chunk_44.wasm", "/wasm-105cd2e6b1546ba1/split_learn.wasm"]], ["^/exam(/|$)", ["/wasm-105cd2e6b1546ba1/chunk_10.wasm", "/wasm-105cd2e6b1546ba1/chunk_12.wasm", "/wasm-105cd2e6b1546ba1/chunk_13.wasm", "/wasm-105cd2e6b1546ba1/chunk_16.wasm", "/wasm-105cd2e6b1546ba1/chunk_18.wasm", "/wasm-105cd2e6b1546ba1/chunk_22.wasm", "/wasm-105cd2e6b1546ba1/chunk_23.wasm", "/wasm-105cd2e6b1546ba1/chunk_25.wasm", "/wasm-105cd2e6b1546ba1/chunk_28.wasm", "/wasm-105cd2e6b1546ba1/chunk_30.wasm", "/wasm-105cd2e6b1546ba1/chunk_31.wasm", "/wasm-105cd2e6b1546ba1/chunk_38.wasm", "/wasm-105cd2e6b1546ba1/chunk_40.wasm", "/wasm-105cd2e6b1546ba1/chunk_45.wasm", "/wasm-105cd2e6b1546ba1/split_stored_data.wasm", "/wasm-105cd2e6b1546ba1/chunk_7.wasm", "/wasm-105cd2e6b1546ba1/chunk_8.wasm", "/wasm-105cd2e6b1546ba1/chunk_9.wasm", "/wasm-105cd2e6b1546ba1/chunk_11.wasm", "/wasm-105cd2e6b1546ba1/chunk_14.wasm", "/wasm-105cd2e6b1546ba1/chunk_15.wasm", "/wasm-105cd2e6b1546ba1/chunk_17.wasm", "/wasm-105cd2e6b1546ba1/chunk_19.wasm", "/wasm-105cd2e6b1546ba1/chunk_33.wasm", "/wasm-105cd2e6b1546ba1/chunk_34.wasm", "/wasm-105cd2e6b1546ba1/chunk_35.wasm", "/wasm-105cd2e6b1546ba1/chunk_36.wasm", "/wasm-105cd2e6b1546ba1/chunk_37.wasm", "/wasm-105cd2e6b1546ba1/chunk_39.wasm", "/wasm-105cd2e6b1546ba1/chunk_41.wasm", "/wasm-105cd2e6b1546ba1/split_exam.wasm", "/questions.json?v=2018.1-6ac9995e2076"]]];
const route = routes.find(([pattern]) => new RegExp(pattern).test(location.pathname));
for (const file of route ? route[1] : []) {
  const link = document.createElement('link');
  Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: file });
  document.head.append(link);
}
import('/wasm-105cd2e6b1546ba1/iso20000_readiness.js').then((glue) => glue.default({ module_or_path: '/wasm-105cd2e6b1546ba1/iso20000_readiness_bg.wasm' }));

// Offline support: the service worker precaches every file of this build. When a new build is
// deployed, the app shows an "update available" prompt (see src/ui/components/update.rs).
if ('serviceWorker' in navigator) {
  // Registered once the page has loaded and gone idle: precaching every file of the build must not compete
  // with the first render for the network and the processor.
  const register = () => navigator.serviceWorker.register('/sw.js').then((reg) => {
    const announce = (worker) => {
      if (worker && navigator.serviceWorker.controller) {
        window.__iso20000UpdateWaiting = worker;
        dispatchEvent(new CustomEvent('iso20000-update-available'));
      }
    };
    if (reg.waiting) announce(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      w && w.addEventListener('statechange', () => { if (w.state === 'installed') announce(w); });
    });
  }).catch(() => {});
  addEventListener('load', () => {
    if (window.requestIdleCallback) requestIdleCallback(register, { timeout: 5000 }); else setTimeout(register, 1000);
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.__iso20000Activate && !reloading) { reloading = true; location.reload(); }
  });
}
window.__iso20000Activate = false;
window.iso20000ApplyUpdate = () => {
  window.__iso20000Activate = true;
  const w = window.__iso20000UpdateWaiting;
  if (w) w.postMessage('skip-waiting'); else location.reload();
};
