/** Texts of the start page (`#/`) before it knows where to go. */
export const home = {
  restoring: 'Looking for your saved answers…',
};
