"""Pure normalizers: numbers and quantities, dates and deadlines, clock times and durations, time zones.

No I/O except reading the bundled places file, and no clock: partial and
relative dates are resolved against a reference date the caller passes.
"""
from .dates import DateMatch, deadline_of, due_date, era_to_year, find_dates, parse_date
from .numbers import QuantityMatch, find_quantities, parse_amount, parse_number
from .times import ClockMatch, DurationMatch, find_clock_times, find_durations, parse_duration
from .timezones import country_of_place, find_zone_marker, load_places, to_local, zone_of_place
from . import dates as _dates, numbers as _numbers, times as _times


def clear_caches() -> None:
    """Forget the texts read so far. The finders remember each text they read (several stages read the
    same sentence); the extraction of a document starts afresh, so what one document costs does not
    depend on the documents read before it, and memory stays flat over an archive."""
    for cached in (_dates._find_dates, _dates._ref_free, _dates._skipped, _times.find_clock_times, _times.find_durations,
                   _numbers.find_quantities):
        cached.cache_clear()

__all__ = [
    "ClockMatch", "DateMatch", "DurationMatch", "QuantityMatch",
    "clear_caches", "country_of_place", "deadline_of", "due_date", "era_to_year", "find_clock_times", "find_dates",
    "find_durations", "find_quantities", "find_zone_marker", "load_places", "parse_amount", "parse_date",
    "parse_duration", "parse_number", "to_local", "zone_of_place",
]
