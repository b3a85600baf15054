import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Where the extension is described; the code lives in entrypoints/ and the folders beside it.
export default defineConfig({
  // A file says where its names come from (DESIGN.md: "imports: false").
  imports: false,
  // `wxt/browser` then gives webextension-polyfill's `browser`, which `fakeBrowser` replaces in unit tests.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox gets MV3 too, so both builds share one manifest shape.
  manifestVersion: 3,
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
    // Only Gloss's own bundled scripts run in its pages; no plugins, no <base>, no framing by others.
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    // Firefox 140 is the first with the CSS Custom Highlight API that marks names.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss.invalid',
              strict_min_version: '140.0',
              // The names Gloss finds on a page are sent to Wikipedia to be looked up.
              data_collection_permissions: { required: ['websiteContent'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({ plugins: [preact()], build: process.env.GLOSS_READABLE ? { minify: false } : {} }),
});
