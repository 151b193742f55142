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
];

export default xoConfig;
