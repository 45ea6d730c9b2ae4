## `astralbot chart` summary
cli-title = Natal chart
cli-place = Place: { $place } ({ $lat }, { $lon }), time zone { $tz }
cli-time = Time: { $local } (UTC{ $offset }) = { $utc }
cli-time-unknown = time unknown (computed for noon)
cli-ephemeris = Ephemeris: { $ephemeris }
cli-coordinates = by coordinates
cli-house-short = house
cli-houses = House cusps ({ $system }):
cli-aspects = Aspects:
cli-applying = applying
cli-separating = separating

## Warnings about how the birth time was read
warning-local_mean_time = The birthplace had no standard time yet on this date: the local mean time of the birth longitude was used (UTC{ $offset }).
warning-time_gap = The given local time did not exist (clocks were moved forward); the offset in force before the change was used, UTC{ $offset }.
warning-time_ambiguous = The given local time occurred twice (clocks were moved back); the first occurrence was used, UTC{ $offset }.
