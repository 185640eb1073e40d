import { EntityManager } from 'typeorm';
import { loadSetting } from './settings-store';

/** Library-wide facts about the library's Koha that an admin keeps (settings key "koha"). */
export interface KohaSettings {
  /** Koha's AnonymousPatron system preference: borrowernumbers whose rows are anonymised history, no one's. */
  anonymousPatrons: number[];
}

export const KOHA_SETTINGS_KEY = 'koha';
export const DEFAULT_KOHA_SETTINGS: KohaSettings = { anonymousPatrons: [] };

export function loadKohaSettings(manager: EntityManager): Promise<KohaSettings> {
  return loadSetting<KohaSettings>(manager, KOHA_SETTINGS_KEY, DEFAULT_KOHA_SETTINGS);
}
