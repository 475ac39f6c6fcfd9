/** Column settings shared by the console's tables. */

/** A column kept on one line: at phone width the table scrolls instead of breaking a name a character a line. */
export const NOWRAP = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };
