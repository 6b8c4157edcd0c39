"""Bar charts drawn on the server as SVG: no script, no request to anyone, styled by attributes
(the site's content security policy allows no inline style), and a data table beside each."""

from dataclasses import dataclass, field

from .dimensions import DIMENSION_LABELS, key_label
from .report import Report

WIDTH = 300
ROW_HEIGHT = 44
BAR_TOP = 20
BAR_HEIGHT = 16
# Room at the right of the longest bar for its count.
COUNT_ROOM = 48


@dataclass
class Bar:
    key: str
    label: str
    count: int | None  # None: suppressed
    y: int
    width: float

    @property
    def bar_y(self) -> int:
        return self.y + BAR_TOP

    @property
    def text_y(self) -> int:
        return self.y + BAR_TOP + BAR_HEIGHT - 3

    @property
    def count_x(self) -> float:
        return self.width + 6


@dataclass
class Chart:
    id: str
    title: str
    bars: list[Bar] = field(default_factory=list)
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return max(ROW_HEIGHT, ROW_HEIGHT * len(self.bars))

    @property
    def suppressed(self) -> bool:
        return any(bar.count is None for bar in self.bars)


def bar_chart(report: Report, dimension: str, *, chart_id: str) -> Chart:
    """One bar per key of `dimension`, longest for the largest count; a suppressed key gets no
    bar and says so."""
    bands = report.query.bands
    counts = report.breakdowns[dimension]
    largest = max(counts.values(), default=0) or 1
    chart = Chart(id=chart_id, title=str(DIMENSION_LABELS[dimension]))
    for position, key in enumerate(report.keys[dimension]):
        count = counts.get(key)
        chart.bars.append(
            Bar(
                key=key,
                label=key_label(dimension, key, bands),
                count=count,
                y=position * ROW_HEIGHT,
                width=0 if count is None else (WIDTH - COUNT_ROOM) * count / largest,
            )
        )
    return chart
