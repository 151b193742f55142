/**
End to end: q on the server's own terminal, as a lecturer ends the class: every student's dashboard
ends with a line saying why, and the server gives its terminal back and exits 0.
*/
import {Pane} from '../helpers/pane.js';
import {freePort, runWithSsh} from '../helpers/ssh-server.js';
import {temporaryFolder} from '../helpers/temporary.js';

runWithSsh('q on the server\'s terminal ends every session with a line, and the server exits 0', async t => {
	const state = temporaryFolder('sandpiper-serve-q-');
	const port = await freePort();
	const server = new Pane(100, 12, `serve --listen 127.0.0.1:${port}`, `env XDG_STATE_HOME=${state} node dist/cli.js`);
	try {
		await server.until(screen => screen.includes('q stops'), 'the server\'s status line');
		// A viewer as ../helpers/ssh-server.ts makes one: no user config, no known hosts, no key.
		const options = `-F /dev/null -o Port=${port} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR`
			+ ' -o PubkeyAuthentication=no -o PasswordAuthentication=no';
		const viewer = new Pane(80, 24, `${options} -t 127.0.0.1`, 'ssh');
		try {
			await viewer.until(screen => screen.includes('VIEWER'), 'the viewer\'s dashboard');
			await server.until(screen => screen.includes('1 viewer,'), 'the server\'s status line to count the viewer');
			server.keys('q');
			t.is(await server.exitStatus(), 0);
			t.true(server.screen().includes('shutting down (q on the server)'));
			t.is(await viewer.exitStatus(), 0);
			t.true(viewer.screen().includes('sandpiper: the lecture has ended (q on the server)'), viewer.screen());
			t.true(viewer.leftAlternateScreen(), 'the student\'s terminal is back on its own screen');
		} finally {
			viewer.close();
		}
	} finally {
		server.close();
	}
});
