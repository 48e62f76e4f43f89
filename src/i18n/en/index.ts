import { apiKey } from './api-key';
import { canvas } from './canvas';
import { common } from './common';
import { manage } from './manage';
import { oauth } from './oauth';
import { panel } from './panel';
import { settings } from './settings';

/** The English catalog: the reference every other locale is checked against. */
export const en = { common, canvas, panel, apiKey, manage, oauth, settings };
