import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {Size} from './layout.js';

function sizeOf(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/** The terminal's size, following live resizes (Ink 6 has no such hook; Ink 7's does the same). */
export function useWindowSize(): Size {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		const onResize = () => {
			setSize(sizeOf(stdout));
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
