/**
 * The renderer's registry, mirror of src-main/modules/index.ts: every screen module in one
 * explicit list. The Shell builds the menu and the pages from it, the home page its tiles,
 * the DSU page its panels. A new module adds its folder (with a module.tsx) and one line here.
 */
import type { UiModule } from './module';
import { accountUi } from './account/module';
import { adminUi } from './admin/module';
import { aidesUi } from './aides/module';
import { concertationUi } from './concertation/module';
import { collectifUi } from './collectif/module';
import { dsuUi } from './dsu/module';
import { expulsionsUi } from './expulsions/module';
import { homeUi } from './home/module';
import { intakeUi } from './intake/module';
import { partnersUi } from './partners/module';
import { personsUi } from './persons/module';
import { rdvUi } from './rdv/module';
import { surendettementUi } from './surendettement/module';
import { protectionUi } from './protection/module';

export const UI_MODULES: readonly UiModule[] = [homeUi, intakeUi, rdvUi, dsuUi, aidesUi, surendettementUi, expulsionsUi, concertationUi, collectifUi, protectionUi, partnersUi, personsUi, adminUi, accountUi];
