"""The projector's countdown. Pure Python: times in, times out."""
from datetime import datetime, timedelta

MAX_MINUTES = 180


def ends_at(now: datetime, minutes: int) -> datetime:
    """When a countdown of `minutes` started now runs out."""
    if not 1 <= minutes <= MAX_MINUTES:
        raise ValueError(f"a countdown runs from 1 to {MAX_MINUTES} minutes")
    return now + timedelta(minutes=minutes)


def seconds_left(end: datetime | None, now: datetime) -> int | None:
    """Whole seconds until the countdown ends (rounded up, so it shows 0:00 only once it has ended);
    None without a countdown."""
    if end is None:
        return None
    left = (end - now).total_seconds()
    return max(0, int(-(-left // 1)))


def clock(seconds: int) -> str:
    """"4:05", "1:02:30": minutes and seconds, hours only when there are some."""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
