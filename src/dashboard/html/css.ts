/**
 * Inline style sheet of the dashboard. Colours chosen for a contrast ratio of at least 4.5:1
 * against their background (WCAG 2.1 criterion 1.4.3): text #1a1a1a on #ffffff (17.4:1), links
 * and buttons #0b4f9c on #ffffff (8.0:1), white on #0b4f9c (8.0:1), reject red #a4161a on
 * #ffffff (7.6:1), muted text #4a4a4a on #ffffff (8.9:1), header #ffffff on #12355b (12.0:1).
 */
export const DASHBOARD_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;line-height:1.45}
header{background:#12355b;color:#fff;padding:1rem 1.5rem}
header h1{margin:0;font-size:1.5rem}
header p{margin:.25rem 0 0}
nav{background:#f2f4f7;padding:.5rem 1.5rem;border-bottom:1px solid #c8ced6}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
nav a{color:#0b4f9c;font-weight:600}
a:focus,button:focus{outline:3px solid #12355b;outline-offset:2px}
main{padding:1rem 1.5rem;max-width:75rem}
section{margin:0 0 2rem}
h2{font-size:1.25rem;border-bottom:2px solid #12355b;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #c8ced6;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f2f4f7}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.reject{color:#a4161a;font-weight:600}
.muted{color:#4a4a4a}
.note{background:#fff8e1;border-left:4px solid #8a6d00;padding:.5rem .75rem}
button{font:inherit;color:#fff;background:#0b4f9c;border:0;border-radius:4px;padding:.3rem .8rem;cursor:pointer}
button:disabled{background:#4a4a4a}
svg text{fill:#1a1a1a;font-size:13px}
footer{padding:1rem 1.5rem;border-top:1px solid #c8ced6;color:#4a4a4a}
`;
