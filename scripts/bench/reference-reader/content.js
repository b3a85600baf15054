// The least work any page reader does: one native walk over the text nodes, the text of those that
// hold words (scripts, styles and form fields left out), one message to the background.
(() => {
  const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE']);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.length < 2 || skipped.has(node.parentElement?.tagName)) continue;
    const text = node.data;
    if (/\S\S/.test(text)) texts.push(text);
  }
  // The answer painted: when a reader that marked names could show them at the soonest.
  chrome.runtime
    .sendMessage({ texts })
    .then(() => requestAnimationFrame(() => performance.mark('reference:answer-painted')))
    .catch(() => {});
})();
