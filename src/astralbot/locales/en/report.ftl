## PDF report of the full reading (render/report_*.py).
report-brand = ASTRAL
report-title = Natal chart
report-tagline = Astral · a personal astrological reading · computed with the Swiss Ephemeris
report-meta-title = Natal chart — { $name }
report-meta-subject = The full reading of a natal chart
report-page = { $page } of { $total }

## Cover: the birth data.
report-label-date = Date of birth
report-label-time = Time of birth
report-label-place = Place of birth
report-label-timezone = Time zone
report-label-houses = House system
report-time-unknown = unknown
report-timezone-value = { $timezone } (UTC{ $offset })
report-date-value = { $month } { $day }, { $year }
report-houses-not-computed = not computed without a birth time
report-houses-fallback = { $used } (instead of { $requested })
report-month-1 = January
report-month-2 = February
report-month-3 = March
report-month-4 = April
report-month-5 = May
report-month-6 = June
report-month-7 = July
report-month-8 = August
report-month-9 = September
report-month-10 = October
report-month-11 = November
report-month-12 = December
report-house-system-placidus = Placidus
report-house-system-koch = Koch
report-house-system-whole-sign = Whole sign
report-house-system-equal = Equal
report-house-system-porphyry = Porphyry

## The chart in tables.
report-data-title = The chart at a glance
report-positions-title = Planets and points
report-col-body = Planet / point
report-col-sign = Sign
report-col-degree = Degree
report-col-house = House
report-col-retrograde = ℞
report-retrograde-legend = ℞ — the planet is retrograde
report-angles-title = Angles and house cusps
report-angle-asc = Ascendant (ASC)
report-angle-mc = Midheaven (MC)
report-col-cusp = Cusp
report-no-houses = The birth time is unknown, so the Ascendant, the Midheaven and the houses are not computed: they change every few minutes. Add your birth time and the report will gain the angles and the houses.
report-aspects-title = Aspects
report-col-aspect = Aspect
report-col-orb = Orb
report-col-phase = Phase
report-applying = applying
report-separating = separating
report-aspects-none = The chart has no close major aspects.

## Chapters of the reading, one per theme.
report-theme-notes = Please note
report-theme-intro = Introduction
report-theme-core = The core of the personality
report-theme-personal = Personal planets
report-theme-social = Social planets
report-theme-generational = Outer planets
report-theme-houses = Houses
report-theme-angles = The angles of the chart
report-theme-nodes = The lunar nodes
report-theme-aspects = Aspects
report-theme-closing = Conclusion
