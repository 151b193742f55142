/**
The shipped command line as one ES module and a few lazily loaded chunks (esbuild), built from tsc's
output in dist/: Node then reads and compiles a handful of files instead of about 400, which is most
of the time to a first frame. The dashboard's chunk (Ink, React, Yoga) loads only when the dashboard
runs; headless runs, `eval` and `--help` never load it. dist/bundle/ sits as deep as dist/scenario/,
so paths taken from `import.meta.url` (the bundled scenarios) resolve the same from both.
*/
import {rm} from 'node:fs/promises';
import {build} from 'esbuild';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
const root = new URL('../', import.meta.url).pathname;

/**
Ink's string-width and ANSI tokenizer, remembering versions (source/terminal/remembered.ts says why):
every import of the two packages resolves to the wrapper, but the wrapper's own and those that resolve
to another version (wrap-ansi keeps string-width 7).
*/
const wrappers = new Map([
	['string-width', new URL('../dist/terminal/remembered-string-width.js', import.meta.url).pathname],
	['@alcalzone/ansi-tokenize', new URL('../dist/terminal/remembered-tokenize.js', import.meta.url).pathname],
]);
const rememberedMeasures = {
	name: 'remembered-measures',
	setup(build) {
		// The filter is a Go regular expression for esbuild, which knows no v flag.
		// eslint-disable-next-line require-unicode-regexp
		build.onResolve({filter: /^(?:string-width|@alcalzone\/ansi-tokenize)$/}, async args => {
			const wrapper = wrappers.get(args.path);
			if (args.pluginData === 'as is' || args.importer === wrapper) {
				return undefined;
			}

			const options = {kind: args.kind, pluginData: 'as is'};
			const [wanted, wrapped] = await Promise.all([
				build.resolve(args.path, {...options, resolveDir: args.resolveDir}),
				build.resolve(args.path, {...options, resolveDir: root}),
			]);
			return wanted.path === wrapped.path ? {path: wrapper} : undefined;
		});
	},
};
await rm(outdir, {recursive: true, force: true});
/** What the CLI and the bench's Ink floor are built with alike. */
const common = {
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20.19',
	sourcemap: true,
	// Less text for Node to read and V8 to parse at every start (40 ms of 370 for a small headless run); names are kept, for readable stacks.
	minifyWhitespace: true,
	minifySyntax: true,
	// The "main" of jsonc-parser is a UMD build whose requires esbuild cannot follow; its ES module build bundles.
	mainFields: ['module', 'main'],
	// Ink imports React's devtools only when DEV is set; the package is not installed. ssh2 (serve only)
	// loads from node_modules as it is: it looks for its optional native crypto beside its own files.
	external: ['react-devtools-core', 'ssh2'],
	// The CommonJS packages inside (React, yoga's loader) call require for Node's own modules.
	banner: {js: 'import {createRequire as createRequire_} from \'node:module\'; const require = createRequire_(import.meta.url);'},
	// The bundle is what users run: React's production build only, its development build left out.
	// Yoga's loader fetches its own base64 wasm through `fetch` when there is one: on Node that loads
	// undici first (75 ms of a 700 ms start). Nothing bundled fetches anything else, so there is none.
	define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
	logLevel: 'warning',
};
await build({
	...common,
	// The sweep's worker is forked by path (source/cli/sweep-pool.ts): an entry of its own, beside the CLI's.
	entryPoints: {cli: new URL('../dist/cli.js', import.meta.url).pathname, 'sweep-worker': new URL('../dist/cli/sweep-worker.js', import.meta.url).pathname},
	outdir,
	plugins: [rememberedMeasures],
});
// The bench's floor (source/bench/ink-floor.tsx): an Ink app that does nothing, bundled as the CLI is
// but with Ink's own measures (the CLI's remembering ones are its own work).
await build({
	...common,
	entryPoints: [new URL('../dist/bench/ink-floor.js', import.meta.url).pathname],
	outdir: new URL('../dist/bundle/floor/', import.meta.url).pathname,
});

