/** The points each criterion is worth; the page explains them to the mediator in these terms. */
export const ORIENTATION_POINTS = { public: 3, support: 3, near: 2, openNow: 1 } as const;

/** Within this distance of the starting point, a lieu counts as near. */
export const NEAR_KM = 5;
