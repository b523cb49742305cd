// The portal's shared drop-downs: a module's `portal.nav` entry that names one of these as its
// `group` becomes a line of that drop-down instead of an entry of its own, so procedures the
// public reaches the same way (a letter, a visit, a suggestion) share one place in the bar.
// A module imports the group it belongs to; the drop-down opens the first line's page.

/** 政民互动: the citizens' channels to the government and the answers it publishes. */
export const interact = { key: 'interact', label: '政民互动', order: 10 }
