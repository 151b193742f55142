/**
The floor under the dashboard's figures: the least an Ink app costs on this machine. It draws one line
a second and nothing else, bundled as the CLI is (scripts/bundle.mjs), so that `npm run bench --
--dashboard` shows, in the same run as ours, htop and btop, what any Ink 6 program on this Node pays
for its first frame and memory before it does any work of its own.
*/
import process from 'node:process';
import {createElement, useEffect, useState} from 'react';
import {Box, render, Text} from 'ink';

function Floor() {
	const [seconds, setSeconds] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => {
			setSeconds(value => value + 1);
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, []);
	return (
		<Box flexDirection='column'>
			<Text>ink floor: one line, redrawn every second ({seconds} s)</Text>
		</Box>
	);
}

const app = render(createElement(Floor));
for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
	process.once(signal, () => {
		app.unmount();
	});
}
