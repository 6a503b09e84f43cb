/**
 * Builds the task pane: dist/taskpane.html + dist/taskpane.<contenthash>.js, two chunks loaded
 * only when needed (xlsx-host for file mode, office-helpers for host and platform detection
 * inside Office), the icons in dist/assets/, and a local copy of office.js in dist/office-js/
 * (the page itself loads office.js from Microsoft's CDN, as Office requires; the copy, from the
 * @microsoft/office-js devDependency, serves offline browser tests).
 *
 *   npm run build   → webpack --mode production
 *   npm start       → webpack serve --mode development (https://localhost:3000); once it listens it
 *                     prints the file-mode address and how to sideload manifest.xml
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS_DIST = 'node_modules/@microsoft/office-js/dist';

/**
 * HTTPS for the dev server: the certificates that `npx office-addin-dev-certs install` writes,
 * read directly (its getHttpsServerOptions() rejects when it cannot trust the CA), or else
 * webpack-dev-server's own self-signed certificate.
 */
const DEV_CERTS_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

function devServerHttps() {
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(DEV_CERTS_DIR, f)]));
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    return {
      type: 'https',
      options: Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)])),
    };
  }
  return 'https';
}

/** What `npm start` prints once the server listens: where the pane is and how to sideload it. */
function startBanner(port, server) {
  const base = `https://localhost:${port}`;
  const manifest = path.join(__dirname, 'manifest.xml');
  const certs =
    typeof server === 'object'
      ? `certificates from ${DEV_CERTS_DIR} (office-addin-dev-certs)`
      : "webpack-dev-server's own self-signed certificate: open the address below once and accept it " +
        '(for a trusted one, run `npx office-addin-dev-certs install` on your own machine, then restart)';
  return [
    '',
    `ABC Planner is served at ${base}/taskpane.html`,
    `  HTTPS: ${certs}`,
    '',
    'Browser file mode (no Excel needed; open it and click "Use the sample workbook"):',
    `  ${base}/taskpane.html          (?lang=zh or ?lang=en to choose the language)`,
    '',
    `Sideload the add-in (manifest: ${manifest}):`,
    '  Excel on the web: open a workbook > Home > Add-ins > More Add-ins > My Add-ins >',
    '    Upload My Add-in > choose manifest.xml. The ABC Planner button appears on the Home tab.',
    '  Excel on Windows: share a folder holding manifest.xml, add its \\\\server\\share path under File > Options >',
    '    Trust Center > Trust Center Settings > Trusted Add-in Catalogs (Show in Menu), restart Excel, then',
    '    Home > Add-ins > Advanced > Shared Folder > ABC Planner.',
    '  Excel on Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/,',
    '    restart Excel, then Home > Add-ins > My Add-ins > ABC Planner.',
    '  Excel must trust the certificate above (the web and Mac versions refuse an untrusted localhost).',
    '',
  ].join('\n');
}

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  const https = devServerHttps();
  return {
    mode: production ? 'production' : 'development',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash].js',
      // File mode's .xlsx host (import() in src/taskpane/state/workbooks.ts) and office-js-helpers
      // (import() in src/hosts/excel/platform.ts) are chunks of their own, named by their imports.
      chunkFilename: '[name].[contenthash].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck` (tsc); ES modules let webpack tree-shake.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext' } },
          },
        },
      ],
    },
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    performance: { hints: production ? 'warning' : false, maxEntrypointSize: 1_000_000, maxAssetSize: 1_000_000 },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The sample workbook file mode offers ("Use the sample workbook"), fetched same-origin.
          { from: 'assets/sample-customers.xlsx', to: 'assets/[name][ext]' },
          // Only these two files: copying the whole package makes Terser chew through 87 MB.
          { from: `${OFFICE_JS_DIST}/office.js`, to: 'office-js/[name][ext]', info: { minimized: true } },
          {
            from: `${OFFICE_JS_DIST}/o15apptofilemappingtable.js`,
            to: 'office-js/[name][ext]',
            info: { minimized: true },
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: https,
      onListening: (devServer) => {
        const address = devServer.server && devServer.server.address();
        console.log(startBanner(address && typeof address === 'object' ? address.port : 3000, https));
      },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};
