## `astralbot chart` summary
cli-title = Натальная карта
cli-place = Место: { $place } ({ $lat }, { $lon }), часовой пояс { $tz }
cli-time = Время: { $local } (UTC{ $offset }) = { $utc }
cli-time-unknown = время неизвестно (расчёт на полдень)
cli-ephemeris = Эфемериды: { $ephemeris }
cli-coordinates = по координатам
cli-house-short = дом
cli-houses = Куспиды домов ({ $system }):
cli-aspects = Аспекты:
cli-applying = сходящийся
cli-separating = расходящийся

## Warnings about how the birth time was read
warning-local_mean_time = В эту дату в месте рождения ещё не было поясного времени: использовано местное среднее время долготы рождения (UTC{ $offset }).
warning-time_gap = Указанного местного времени не существовало (часы переводили вперёд); использовано смещение до перевода, UTC{ $offset }.
warning-time_ambiguous = Указанное местное время было дважды (часы переводили назад); выбрано первое из двух, UTC{ $offset }.
