import type { MessageOverrides } from '../messages';
import { apiKey } from './api-key';
import { canvas } from './canvas';
import { common } from './common';
import { manage } from './manage';
import { oauth } from './oauth';
import { panel } from './panel';
import { settings } from './settings';

/** Simplified Chinese. Missing messages fall back to English (a unit test lists any gaps). */
export const zhHans: MessageOverrides = { common, canvas, panel, apiKey, manage, oauth, settings };
