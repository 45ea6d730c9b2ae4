## Bot: menu, profile, chart. Telegram HTML: only <b>, <i> and escaped arguments.

start-greeting =
    Hello, { $name }! ✨
    
    I am <b>Astral</b>. I will calculate your natal chart from your birth date, time and place: the planets in signs and houses, the aspects, the chart wheel and a written reading.
    
    Start with your profile — it takes a minute.
menu-title = <b>Main menu</b>. What would you like to do?
help-text =
    <b>How it works</b>
    
    1. Open “My profile” and enter your birth date, time and place. If you do not know the time, press “I don't know” — the chart will have no houses and no Ascendant.
    2. Press “Natal chart” — I will send the chart wheel and a short reading: Sun, Moon and Ascendant.
    3. The full reading covers every planet in its sign and house, the angles, the aspects, and a PDF report.
    
    Commands: /start — start, /profile — profile, /chart — chart, /language — language, /cancel — cancel input, /help — help.
about-text =
    <b>Astral</b> computes charts with the Swiss Ephemeris: tropical zodiac, Placidus houses. Places come from GeoNames, and birth times are converted with the full history of time zones (including Soviet decree and summer time).
    
    Your data is used only to compute your chart and is never shared.
language-choose = Выберите язык / Choose your language:
language-set = Language switched to English.
cancel-done = Input cancelled. Your profile is unchanged.
cancel-nothing = There is nothing to cancel.
not-editing = To change your data, open “My profile” and pick a field.
error-apology = Sorry, something went wrong on our side. We are looking into it. Please try again from the menu.

btn-profile = 👤 My profile
btn-chart = 🌌 Natal chart
btn-help = ❓ Help
btn-about = ℹ️ About
btn-menu = ⬅️ Menu
btn-cancel = ✖️ Cancel
btn-edit-name = ✏️ Name
btn-edit-date = 📅 Date
btn-edit-time = 🕰 Time
btn-edit-place = 📍 Place
btn-time-unknown = I don't know
btn-full-reading = 📜 Full reading

profile-card =
    <b>My profile</b>
    
    Name: { $name }
    Birth date: { $date }
    Birth time: { $time }
    Birth place: { $place }
profile-empty = —
profile-time-unknown = unknown
profile-complete = Your profile is complete — the chart is ready to be built! 🌟
profile-next = Still needed: { $field }.
saved-field = Saved: { $field }.

field-name = name
field-date = birth date
field-time = birth time
field-place = birth place

ask-name = What name should the chart carry? Send a name (up to 64 characters).
ask-date = Send your birth date as <b>DD.MM.YYYY</b>, for example <i>15.05.1990</i> (<i>1990-05-15</i> works too).
ask-time = Send your local birth time as <b>HH:MM</b>, for example <i>14:30</i>. If you do not know it, press “I don't know” or type “unknown”.
ask-place = Send your birth city, for example <i>Moscow</i> or <i>London</i>. You may add the country: <i>Moscow, US</i>.
choose-place = Several places have this name. Please choose:

chart-missing = The chart still needs: { $fields }.
chart-caption = Natal chart — { $name }
chart-note-time_unknown = <i>Birth time unknown: the chart is drawn for noon, without houses or Ascendant; the Moon may be off by up to 7°.</i>
chart-note-polar_fallback = <i>The birthplace is above the polar circle, where Placidus houses cannot exist; houses are computed with Porphyry.</i>
chart-note-local_mean_time = <i>The place had no standard time yet in the birth year: local mean time was used.</i>
chart-note-time_gap = <i>The given time did not exist because the clocks were moved forward; the time before the change was used.</i>
chart-note-time_ambiguous = <i>The given time happened twice because the clocks were moved back; the first occurrence was used.</i>

cmd-start = Start and main menu
cmd-profile = My profile
cmd-chart = Natal chart
cmd-language = Language / Язык
cmd-help = Help
cmd-about = About
cmd-cancel = Cancel input

## Validation messages (codes from geo.birth_input and the profile service)
error-date_format = I could not read the date. Use DD.MM.YYYY, for example 15.05.1990.
error-date_impossible = That date does not exist. Please check the day and the month.
error-year_range = Years from { NUMBER($min, useGrouping: 0) } to { NUMBER($max, useGrouping: 0) } are supported.
error-date_future = A birth date cannot be in the future.
error-time_format = I could not read the time. Use HH:MM, for example 14:30, or “unknown”.
error-time_impossible = That time does not exist: hours go from 0 to 23, minutes from 0 to 59.
error-name_empty = The name cannot be empty.
error-name_length = The name is too long: { $max } characters at most.
error-name_chars = The name contains characters that are not allowed.
error-place_length = A place name must be 2 to 100 characters long.
error-place_unknown = I could not find that place. Check the spelling or give the nearest large city.
error-place_unknown_suggest = I could not find that place. Did you mean: { $suggestions }?
error-place_choice_stale = That choice is no longer valid. Please send the city again.
error-place_missing = Give a place: --place NAME, or --lat and --lon.
error-place_and_coordinates = Give either --place or --lat and --lon, not both.
error-lat_range = Latitude must be between -90 and 90 degrees.
error-lon_range = Longitude must be between -180 and 180 degrees.
error-timezone_unknown = Unknown time zone: { $tz }.
