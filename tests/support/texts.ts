// The translator as the app has it: importing the features adds every feature's texts (their faces
// hand them to addTexts). Tests that read a page's text through a key import translator from here.
import '../../src/features/index.ts';

export { translator } from '../../src/platform/i18n.ts';
