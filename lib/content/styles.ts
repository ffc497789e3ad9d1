/**
 * Card and chip styles, inside shadow roots. `.dark` is set from the page's own background.
 * The bookmark toggle stacks its two labels in one grid cell (only one visible), so its width is
 * the same in both states. Colours meet WCAG AA (4.5:1) on both backgrounds.
 */
const TOGGLE = `.toggle{display:inline-grid}.toggle>span{grid-area:1/1}.toggle[aria-pressed=true] .off,.toggle:not([aria-pressed=true]) .on{visibility:hidden}`;

export const CARD_CSS = `
:host{all:initial;display:block;margin:8px 0;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.card{display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px;padding:6px 10px;border:1px solid #d1d9e0;border-radius:8px;background:#fff;color:#1f2328;max-width:52rem}
.dark .card,.dark.card{background:#1f232a;color:#e6e8eb;border-color:#30363d}
.brand{font-weight:700;color:#b93d0c}.dark .brand{color:#ff9a57}
.muted{color:#59636e}.dark .muted{color:#9aa4af}
.sep{color:#59636e}.dark .sep{color:#9aa4af}
a{color:#0b57d0;text-decoration:none}a:hover,a:focus-visible{text-decoration:underline}.dark a{color:#8ab4f8}
button{font:inherit;cursor:pointer;border:1px solid #d1d9e0;border-radius:6px;background:transparent;color:inherit;padding:2px 8px;min-height:24px}
button[aria-pressed=true]{background:#fff4e6;border-color:#b93d0c;color:#8a2c00}
.dark button{border-color:#30363d}.dark button[aria-pressed=true]{background:#3a2210;color:#ffc49b;border-color:#ff9a57}
.text-button{border:0;padding:0 2px;color:#0b57d0;text-decoration:underline}.dark .text-button{color:#8ab4f8}
.notice-line:empty{display:none}.notice{color:#8a2c00}.dark .notice{color:#ffc49b}
button:focus-visible,a:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
${TOGGLE}
`;

export const CHIP_CSS = `
:host{all:initial;display:inline-flex;align-items:center;gap:4px;margin-left:6px;vertical-align:middle;font:12px/1.3 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.chip{border-radius:10px;padding:0 6px;background:#fff4e6;color:#8a2c00;border:1px solid #ffc49b}
button{font:inherit;cursor:pointer;border:1px solid #d1d9e0;border-radius:10px;background:transparent;color:inherit;padding:0 6px;min-width:24px;min-height:24px}
button[aria-pressed=true]{background:#fff4e6;border-color:#b93d0c;color:#8a2c00}
.text-button{border:0;min-width:0;padding:0 2px;color:#0b57d0;text-decoration:underline}
.notice{color:#8a2c00}.dark .notice{color:#ffc49b}.dark .text-button{color:#8ab4f8}
.dark .chip{background:#3a2210;color:#ffc49b;border-color:#ff9a57}.dark button{border-color:#30363d;color:#e6e8eb}
button:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
${TOGGLE}
`;
