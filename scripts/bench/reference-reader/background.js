// Answers every page's message with the number of texts it got, and nothing more.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  sendResponse({ texts: Array.isArray(message?.texts) ? message.texts.length : 0 });
});
