/** @type {import('xo').FlatXoConfig} */
const xoConfig = [
	{
		ignores: ['dist', 'tmp', 'docs/scenario.schema.json'],
	},
	{
		react: true,
		rules: {
			// Ink components are functions of typed props, and JSX compiles with the automatic runtime.
			'react/prop-types': 'off',
			'react/react-in-jsx-scope': 'off',
			'react/function-component-definition': 'off',
			// Units live in names (`swapMBps`, `energyKWh`, `memoryMiB`), which strictCamelCase forbids.
			'@typescript-eslint/naming-convention': 'off',
			// The world is plain JSON data: `null` survives JSON.stringify, `undefined` does not.
			'@typescript-eslint/no-restricted-types': 'off',
			'@typescript-eslint/ban-types': 'off',
		},
	},
	{
		files: ['test/**'],
		rules: {
			// Tests parse JSON the program printed and assert on its shape.
			'@typescript-eslint/no-unsafe-type-assertion': 'off',
		},
	},
];

export default xoConfig;
