## PDF report of the full reading (render/report_*.py).
report-brand = ASTRAL
report-title = Натальная карта
report-tagline = Astral · персональный астрологический разбор · расчёт по Swiss Ephemeris
report-meta-title = Натальная карта — { $name }
report-meta-subject = Полный астрологический разбор натальной карты
report-page = { $page } из { $total }

## Cover: the birth data.
report-label-date = Дата рождения
report-label-time = Время рождения
report-label-place = Место рождения
report-label-timezone = Часовой пояс
report-label-houses = Система домов
report-time-unknown = неизвестно
report-timezone-value = { $timezone } (UTC{ $offset })
report-date-value = { $day } { $month } { $year } г.
report-houses-not-computed = не рассчитываются без времени рождения
report-houses-fallback = { $used } (вместо: { $requested })
report-month-1 = января
report-month-2 = февраля
report-month-3 = марта
report-month-4 = апреля
report-month-5 = мая
report-month-6 = июня
report-month-7 = июля
report-month-8 = августа
report-month-9 = сентября
report-month-10 = октября
report-month-11 = ноября
report-month-12 = декабря
report-house-system-placidus = Плацидус
report-house-system-koch = Кох
report-house-system-whole-sign = Целые знаки
report-house-system-equal = Равнодомная
report-house-system-porphyry = Порфирий

## The chart in tables.
report-data-title = Карта в цифрах
report-positions-title = Планеты и точки
report-col-body = Планета / точка
report-col-sign = Знак
report-col-degree = Градус
report-col-house = Дом
report-col-retrograde = ℞
report-retrograde-legend = ℞ — планета в ретроградном движении
report-angles-title = Углы карты и куспиды домов
report-angle-asc = Асцендент (ASC)
report-angle-mc = Середина неба (MC)
report-col-cusp = Куспид
report-no-houses = Время рождения неизвестно, поэтому Асцендент, Середина неба и дома не рассчитаны: они меняются каждые несколько минут. Добавьте время рождения — и в отчёте появятся углы карты и дома.
report-aspects-title = Аспекты
report-col-aspect = Аспект
report-col-orb = Орб
report-col-phase = Фаза
report-applying = сходящийся
report-separating = расходящийся
report-aspects-none = В карте нет тесных мажорных аспектов.

## Chapters of the reading, one per theme.
report-theme-notes = Важно знать
report-theme-intro = Введение
report-theme-core = Ядро личности
report-theme-personal = Личные планеты
report-theme-social = Социальные планеты
report-theme-generational = Высшие планеты
report-theme-houses = Дома
report-theme-angles = Углы карты
report-theme-nodes = Лунные узлы
report-theme-aspects = Аспекты
report-theme-closing = Заключение
