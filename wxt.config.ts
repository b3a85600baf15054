import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';

/** Resolves the polyfill's module to WXT's plain `browser` (the browser's own API object). */
function nativeBrowserApi(): Plugin {
  return {
    name: 'gloss:native-browser-api',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@wxt-dev/webextension-polyfill/browser')
        return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
      return undefined;
    },
  };
}

// Where the extension is described; the code lives in entrypoints/ and the folders beside it.
export default defineConfig({
  // A file says where its names come from (docs/architecture.md: no auto-imports).
  imports: false,
  // `wxt/browser` then gives webextension-polyfill's `browser`, which `fakeBrowser` replaces in unit tests.
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Except in the content script, which starts in every page: there the polyfill's set-up (it
    // wraps the whole API, waking every lazy binding) cost about 3 ms per page load. The content
    // script needs only runtime messaging, which Chrome's MV3 `chrome` and Firefox's `browser`
    // offer with promises, so it takes the browser's own object.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script'))
        config.plugins = [...(config.plugins ?? []), nativeBrowserApi()];
    },
  },
  // Firefox gets MV3 too, so both builds share one manifest shape.
  manifestVersion: 3,
  // The benchmark's build (content-script timings in the page's timeline) never replaces the real one.
  outDir: process.env.WXT_GLOSS_TIMELINE === '1' ? '.output/bench' : '.output',
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description:
      'Hover a name on any news page: who or what it is, and what has been written about it lately.',
    // alarms: topics are checked every half hour.
    permissions: ['storage', 'alarms'],
    // Asked for when the reader turns on a topic's notifications, not before.
    optional_permissions: ['notifications'],
    // A reader's own feeds may live on any host: asked for, feed by feed, when one is added.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Wikipedia's REST API answers with CORS headers, so no host permission is needed to read it.
    action: { default_title: 'Gloss' },
    // Shortcuts the reader can rebind in the browser's own settings (chrome://extensions/shortcuts,
    // or Firefox's add-ons manager); the background runs the steps (entrypoints/background/commands.ts).
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Open Gloss to look something up',
      },
      'next-name': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Open the card of the next underlined name',
      },
      'previous-name': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open the card of the previous underlined name',
      },
    },
    // The card is drawn in a frame of Gloss's own origin, which pages show but cannot read. Only
    // that page is reachable from the web, and in Chrome only at an address made anew each session,
    // so no page can load it to learn that Gloss is installed.
    web_accessible_resources: [
      {
        resources: ['card.html'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Only Gloss's own bundled scripts run in its pages; no plugins, no <base>. Web pages may frame
    // the card (the one page they can reach); no page can frame the popup or the options.
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors http: https:",
    },
    // Chrome 105 is the first with the CSS Custom Highlight API that marks names. Firefox has it
    // from 140 but drew no underline there; 153 (ESR) is the oldest the Firefox tier proves draws
    // the marks (tests/firefox/), so it is the minimum.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '105' }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss.invalid',
              strict_min_version: '153.0',
              // The names Gloss finds on a page are sent to Wikipedia to be looked up.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            // Firefox for Android: cards open on a tap, as a sheet; the same minimum as on desktop.
            gecko_android: { strict_min_version: '153.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: {
      ...(process.env.GLOSS_READABLE ? { minify: false } : {}),
      // The benchmark puts Gloss's page time to the source files that spend it, by source map.
      ...(process.env.WXT_GLOSS_TIMELINE === '1' ? { sourcemap: true } : {}),
    },
  }),
});
