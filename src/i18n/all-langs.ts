import { AR } from './issue-text-ar';
import { ES } from './issue-text-es';
import { FR } from './issue-text-fr';
import { registerIssueWriter } from './issue-writers';
import { ar } from './messages-ar';
import { enViews } from './messages-en-views';
import { es } from './messages-es';
import { fr } from './messages-fr';
import { registerCatalogue, registerEnglishViews } from './translate';

/**
 * Every UI language at once, synchronously: imported for its effect by the CLI entry and the test setup
 * (the app loads a language only when it is chosen, through `load-lang.ts`).
 */
registerEnglishViews(enViews);
registerCatalogue('ar', ar);
registerCatalogue('fr', fr);
registerCatalogue('es', es);
registerIssueWriter('ar', AR);
registerIssueWriter('fr', FR);
registerIssueWriter('es', ES);
