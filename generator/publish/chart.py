"""The truce tracker's chart: a static SVG drawn at build time, readable without JavaScript.

Status is shown three ways — lane, shape and label — never by colour alone. Text and axes use
``currentColor`` so the chart follows Material's light and dark schemes.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from generator.collect import SignalPoint

WIDTH, HEIGHT = 720, 200
LEFT, RIGHT, TOP, BOTTOM = 120, 24, 16, 40
LANES = ("escalation", "holding", "de-escalation")
LABELS = {"escalation": "Escalation ▲", "holding": "Holding ●", "de-escalation": "De-escalation ▼"}
COLOURS = {"escalation": "#e53935", "holding": "#1e88e5", "de-escalation": "#43a047"}


def _shape(value: str, x: float, y: float) -> str:
    colour = COLOURS[value]
    if value == "holding":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{colour}"/>'
    tip = -8 if value == "escalation" else 8
    return (f'<polygon points="{x:.1f},{y + tip:.1f} {x - 8:.1f},{y - tip:.1f} {x + 8:.1f},{y - tip:.1f}" '
            f'fill="{colour}"/>')


def truce_chart(points: list[SignalPoint]) -> str:
    """An inline ``<figure>`` holding the SVG; one mark per dated signal, on a date axis."""
    dated = sorted((p for p in points if p.date), key=lambda p: p.date)
    described = "; ".join(f"{p.date.isoformat()}: {p.value}" for p in dated) or "no dated signal yet"
    lane_h = (HEIGHT - TOP - BOTTOM) / len(LANES)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="truce-chart-title truce-chart-desc" style="max-width:{WIDTH}px" '
        f'font-family="sans-serif" font-size="12">',
        '<title id="truce-chart-title">US–China truce signals over time</title>',
        f'<desc id="truce-chart-desc">{escape(described)}</desc>',
    ]
    for i, lane in enumerate(LANES):
        y = TOP + lane_h * (i + 0.5)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="currentColor" '
                     f'stroke-opacity="0.2"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" fill="currentColor">'
                     f'{LABELS[lane]}</text>')
    axis_y = HEIGHT - BOTTOM + 8
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{axis_y}" y2="{axis_y}" stroke="currentColor"/>')
    if dated:
        start, end = dated[0].date, dated[-1].date
        span = max((end - start).days, 1)
        pad = dt.timedelta(days=max(span // 10, 15))
        start, end = start - pad, end + pad
        scale = (WIDTH - LEFT - RIGHT) / (end - start).days

        def x_of(day: dt.date) -> float:
            return LEFT + (day - start).days * scale

        for tick in _month_ticks(start, end):
            x = x_of(tick)
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{axis_y}" y2="{axis_y + 5}" stroke="currentColor"/>')
            parts.append(f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle" fill="currentColor">'
                         f'{tick:%b %Y}</text>')
        for p in dated:
            y = TOP + lane_h * (LANES.index(p.value) + 0.5)
            # data-signal: the mark's status, machine-readable (tests, styling) beside shape, colour, title
            parts.append(f'<g class="truce-mark" data-signal="{p.value}">'
                         f'<title>{p.date.isoformat()} — {p.value}: {escape(p.entry.title)}</title>'
                         f'{_shape(p.value, x_of(p.date), y)}</g>')
    else:
        parts.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="currentColor">'
                     'No dated signal yet</text>')
    parts.append("</svg>")
    caption = f"Truce signals by date ({len(dated)} dated). Text alternative: {described}."
    return f'<figure class="truce-chart">{"".join(parts)}<figcaption>{escape(caption)}</figcaption></figure>'


def _month_ticks(start: dt.date, end: dt.date, most: int = 8) -> list[dt.date]:
    months = []
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            months.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    step = max(1, -(-len(months) // most))
    return months[::step]
