/** The closed lists of collective actions (DOMAIN §11), shared by the contract, the rules and the screens. */

/** An action is planned, then running (its first session held), then closed (evaluated or stopped). */
export const ACTION_STATUSES = ['prevue', 'en_cours', 'close'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Funding sought from a funder: requested, granted or refused. */
export const FUNDING_STATUSES = ['demande', 'accorde', 'refuse'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

/** How a participant agreed to take part, as consents are recorded in a DSU (DOMAIN §3). */
export const CONSENT_FORMS = ['ecrit', 'electronique', 'oral_trace'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** A named participant at a session. */
export const MARKS = ['present', 'absent', 'excuse'] as const;
export type Mark = (typeof MARKS)[number];

export const STATUS_LABELS_FR: Record<ActionStatus, string> = { prevue: 'prévue', en_cours: 'en cours', close: 'close' };
export const FUNDING_LABELS_FR: Record<FundingStatus, string> = { demande: 'demandé', accorde: 'accordé', refuse: 'refusé' };
export const CONSENT_LABELS_FR: Record<ConsentForm, string> = { ecrit: 'écrit', electronique: 'électronique', oral_trace: 'oral, tracé' };
export const MARK_LABELS_FR: Record<Mark, string> = { present: 'présent·e', absent: 'absent·e', excuse: 'excusé·e' };
