/** The string-width package, remembered across frames (./remembered.ts says why); with options, computed as given. */
import stringWidth, {type Options} from 'string-width';
import {remembered} from './remembered.js';

// A width is a number: many can be kept.
const width = remembered(text => stringWidth(text), 4096);

export default function rememberedStringWidth(text: string, options?: Options): number {
	return options === undefined ? width(text) : stringWidth(text, options);
}
