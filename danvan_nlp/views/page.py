"""The page shell both views share: escaping, style sheet, colours by kind of fact."""

from __future__ import annotations

from html import escape

# one colour per kind of fact (the highlight) and per outcome/domain (the charts);
# chosen to stay apart for common colour blindness and print in grey
KIND_COLOURS = {
    "official": "#ffd966", "position": "#f6b26b", "figure": "#93c47d",
    "document": "#6fa8dc", "model": "#c27ba0",
}
KIND_NAMES = {
    "official": "official", "position": "position", "figure": "figure",
    "document": "document", "model": "model",
}
SERIES_COLOURS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac",
)

_STYLE = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
 color:#222;background:#fafafa}
header{padding:.8rem 1rem;background:#24405e;color:#fff}
header h1{font-size:1.15rem;margin:0}
header p{margin:.2rem 0 0;font-size:.9rem;opacity:.9}
main{display:flex;flex-wrap:wrap;gap:1rem;padding:1rem;max-width:1400px;margin:auto}
.text{flex:3 1 32rem;min-width:0;white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;
 padding:1rem;border:1px solid #ddd;border-radius:6px}
aside{flex:1 1 18rem;min-width:0;background:#fff;padding:1rem;border:1px solid #ddd;
 border-radius:6px;font-size:.92rem}
aside h2{font-size:1rem;margin:1rem 0 .3rem}
aside ul{margin:0;padding-left:1.1rem}
aside a{color:#1a4f8a;text-decoration:none}
mark{border-radius:3px;padding:0 1px;color:inherit;cursor:help}
mark.flash{outline:3px solid #d00}
.legend span{display:inline-block;margin:0 .6rem .3rem 0;padding:0 .35rem;border-radius:3px}
section.block{flex:1 1 100%;min-width:0;display:flex;flex-wrap:wrap;gap:1rem;background:#fff;
 border:1px solid #ddd;border-radius:6px;padding:1rem}
section.block h2{flex:1 1 100%;font-size:1.05rem;margin:0}
figure{flex:2 1 22rem;min-width:0;margin:0}
figure svg{width:100%;height:auto}
.table-wrap{flex:1 1 16rem;min-width:0;overflow-x:auto}
table{border-collapse:collapse;font-size:.85rem;width:100%}
th,td{border-bottom:1px solid #e4e4e4;padding:.2rem .4rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
p.empty{color:#666}
"""

_SCRIPT = """
(function(){
  function flash(id){
    document.querySelectorAll('mark.flash').forEach(function(m){m.classList.remove('flash');});
    document.querySelectorAll('mark[data-fact="'+id+'"]').forEach(function(m){
      m.classList.add('flash');});
  }
  document.querySelectorAll('a[data-goto]').forEach(function(a){
    a.addEventListener('click', function(){ flash(a.getAttribute('data-goto')); });
  });
  var root = document.documentElement;
  root.setAttribute('data-overflow',
    root.scrollWidth > window.innerWidth + 1 ? 'yes' : 'no');
  root.setAttribute('data-ready', 'yes');
})();
"""


def text(value: object) -> str:
    """``value`` as HTML-escaped text (quotes too, so it is safe in attributes)."""
    return escape("" if value is None else str(value), quote=True)


def page(title: str, subtitle: str, body: str, *, extra_style: str = "") -> str:
    """A whole self-contained HTML document."""
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{text(title)}</title><style>{_STYLE}{extra_style}</style></head>"
        f"<body><header><h1>{text(title)}</h1><p>{text(subtitle)}</p></header>"
        f"<main>{body}</main><script>{_SCRIPT}</script></body></html>\n"
    )
