## Reading: names, grammatical forms and the frame of the reading.
## Other parts of the bot reuse sign-*, planet-*, aspect-*, house-* and warning-* keys.

## Signs: nominative and prepositional ("в Овне").
sign-aries = Овен
sign-aries-in = в Овне
sign-taurus = Телец
sign-taurus-in = в Тельце
sign-gemini = Близнецы
sign-gemini-in = в Близнецах
sign-cancer = Рак
sign-cancer-in = в Раке
sign-leo = Лев
sign-leo-in = во Льве
sign-virgo = Дева
sign-virgo-in = в Деве
sign-libra = Весы
sign-libra-in = в Весах
sign-scorpio = Скорпион
sign-scorpio-in = в Скорпионе
sign-sagittarius = Стрелец
sign-sagittarius-in = в Стрельце
sign-capricorn = Козерог
sign-capricorn-in = в Козероге
sign-aquarius = Водолей
sign-aquarius-in = в Водолее
sign-pisces = Рыбы
sign-pisces-in = в Рыбах

## What a sign gives as a noun phrase, for the "big three" summary.
sign-aries-quality = смелость, прямота и жажда действовать первыми
sign-taurus-quality = устойчивость, чувственность и умение создавать надёжное
sign-gemini-quality = любознательность, живой ум и лёгкость в общении
sign-cancer-quality = чуткость, забота и глубокая привязанность к своим
sign-leo-quality = щедрое сердце, творческая сила и желание светить другим
sign-virgo-quality = внимательность к деталям, практичность и стремление быть полезными
sign-libra-quality = чувство гармонии, дипломатичность и тяга к партнёрству
sign-scorpio-quality = глубина, страстность и способность к внутреннему перерождению
sign-sagittarius-quality = оптимизм, жажда смысла и любовь к свободе
sign-capricorn-quality = целеустремлённость, выдержка и умение строить надолго
sign-aquarius-quality = независимость, оригинальность мышления и верность идеалам
sign-pisces-quality = сострадание, богатое воображение и тонкая интуиция

## Bodies and angles: nominative, "к ..." (dative) and "с ..." (instrumental).
planet-sun = Солнце
planet-sun-to = к Солнцу
planet-sun-with = с Солнцем
planet-moon = Луна
planet-moon-to = к Луне
planet-moon-with = с Луной
planet-mercury = Меркурий
planet-mercury-to = к Меркурию
planet-mercury-with = с Меркурием
planet-venus = Венера
planet-venus-to = к Венере
planet-venus-with = с Венерой
planet-mars = Марс
planet-mars-to = к Марсу
planet-mars-with = с Марсом
planet-jupiter = Юпитер
planet-jupiter-to = к Юпитеру
planet-jupiter-with = с Юпитером
planet-saturn = Сатурн
planet-saturn-to = к Сатурну
planet-saturn-with = с Сатурном
planet-uranus = Уран
planet-uranus-to = к Урану
planet-uranus-with = с Ураном
planet-neptune = Нептун
planet-neptune-to = к Нептуну
planet-neptune-with = с Нептуном
planet-pluto = Плутон
planet-pluto-to = к Плутону
planet-pluto-with = с Плутоном
planet-mean_node = Средний лунный узел
planet-mean_node-to = к Среднему лунному узлу
planet-mean_node-with = со Средним лунным узлом
planet-true_node = Истинный лунный узел
planet-true_node-to = к Истинному лунному узлу
planet-true_node-with = с Истинным лунным узлом
planet-lilith = Лилит
planet-lilith-to = к Лилит
planet-lilith-with = с Лилит
planet-asc = Асцендент
planet-asc-to = к Асценденту
planet-asc-with = с Асцендентом
planet-mc = Середина неба
planet-mc-to = к Середине неба
planet-mc-with = с Серединой неба

## What each planet stands for, as a nominative phrase that composes into aspect sentences.
planet-function-sun = ваша воля и стремление быть собой (Солнце)
planet-function-moon = ваши чувства и потребность в защищённости (Луна)
planet-function-mercury = ваш ум и манера общаться (Меркурий)
planet-function-venus = ваша способность любить и ценить красоту (Венера)
planet-function-mars = ваша энергия, напор и решительность (Марс)
planet-function-jupiter = ваша вера в лучшее и стремление к росту (Юпитер)
planet-function-saturn = ваша дисциплина и чувство ответственности (Сатурн)
planet-function-uranus = ваша жажда свободы и перемен (Уран)
planet-function-neptune = ваша интуиция и способность мечтать (Нептун)
planet-function-pluto = ваша сила глубокого обновления (Плутон)
planet-function-asc = ваша манера проявлять себя в мире (Асцендент)
planet-function-mc = ваше призвание и жизненная цель (Середина неба)

## Aspects.
aspect-conjunction = Соединение
aspect-sextile = Секстиль
aspect-square = Квадрат
aspect-trine = Трин
aspect-opposition = Оппозиция

## Houses: name and "в ...-м доме".
house-1 = 1-й дом
house-1-in = в 1-м доме
house-2 = 2-й дом
house-2-in = во 2-м доме
house-3 = 3-й дом
house-3-in = в 3-м доме
house-4 = 4-й дом
house-4-in = в 4-м доме
house-5 = 5-й дом
house-5-in = в 5-м доме
house-6 = 6-й дом
house-6-in = в 6-м доме
house-7 = 7-й дом
house-7-in = в 7-м доме
house-8 = 8-й дом
house-8-in = в 8-м доме
house-9 = 9-й дом
house-9-in = в 9-м доме
house-10 = 10-й дом
house-10-in = в 10-м доме
house-11 = 11-й дом
house-11-in = в 11-м доме
house-12 = 12-й дом
house-12-in = в 12-м доме

## Warnings from the chart engine (the CLI renders them too).
warning-time_unknown = Время рождения неизвестно, поэтому карта построена на полдень. Дома, Асцендент и Середина неба без точного времени не рассчитываются, а положение Луны может отличаться от реального примерно на { NUMBER($moon_uncertainty_deg, maximumFractionDigits: 0) }°.
warning-polar_fallback = Место рождения лежит за полярным кругом (широта { NUMBER($lat, maximumFractionDigits: 2) }°), где система домов { $requested ->
        [placidus] Плацидуса
        [koch] Коха
        [porphyry] Порфирия
        [equal] равных домов
        [whole-sign] целых знаков
       *[other] { $requested }
    } математически невозможна. Дома рассчитаны по системе { $used ->
        [placidus] Плацидуса
        [koch] Коха
        [porphyry] Порфирия
        [equal] равных домов
        [whole-sign] целых знаков
       *[other] { $used }
    } для истинной широты места.
warning-other = Замечание к расчёту карты: { $code }.

## The frame of the reading.
reading-title-short = Ваш краткий астрологический портрет
reading-title-full = Натальная карта: полный разбор
heading-notes = Важно знать
heading-intro = Введение
intro-text-1 = Натальная карта — это снимок неба в момент и в месте вашего рождения. Она не предсказывает судьбу и ничего не решает за вас: скорее, это карта ваших природных склонностей, талантов и внутренних противоречий, с которой удобно сверяться, чтобы лучше понимать себя.
intro-text-2 = Разбор идёт от главного к частному: сначала «большая тройка» — Солнце, Луна и Асцендент, затем каждая планета в своём знаке и доме, лунные узлы, углы карты и основные аспекты между планетами. Читайте его не как приговор, а как разговор: отмечайте то, что откликается, и возвращайтесь к нему в важные моменты жизни.
heading-big-three = Большая тройка
big-three-sun = Солнце { $sign_in } — сердцевина вашей личности, то, что даёт вам силы и чувство смысла. Ваш главный источник энергии — { $quality }.
big-three-moon = Луна { $sign_in } рассказывает о вашем внутреннем мире: о чувствах, привычках и о том, что дарит покой. Изнутри вас питают { $quality }.
big-three-asc = Асцендент { $sign_in } — это манера, с которой вы входите в мир, и первое впечатление, которое вы производите. Окружающие в первую очередь считывают в вас вот что: { $quality }.
big-three-asc-unknown = Третья опора — Асцендент — требует точного времени рождения, поэтому здесь она не описана. Без неё портрет неполон, но Солнце и Луна уже говорят о вас очень многое.
heading-planet-in-sign = { $planet } { $sign_in }
heading-planet-in-house = { $planet } { $house_in }
retrograde-note = { $planet } в момент вашего рождения находится в ретроградном движении. Такое положение обращает энергию планеты внутрь: её темы вы проживаете глубже и самостоятельнее, нередко возвращаясь к ним и пересматривая прежние решения, прежде чем действовать.
moon-cusp-note = Время рождения неизвестно, а Луна в тот день стояла близко к границе знаков, поэтому она могла находиться и { $other_in }. Если вы узнаете точное время рождения, разбор станет точнее.
heading-houses = Планеты в домах
houses-unknown = Дома гороскопа показывают, в каких сферах жизни — работе, семье, отношениях, деньгах — проявляется каждая планета. Их расчёт требует точного времени рождения, поэтому в этом разборе дома не описаны. Укажите время рождения, и разбор дополнится этим разделом.
heading-asc = Асцендент { $sign_in }
heading-asc-unknown = Асцендент
asc-unknown = Асцендент — знак, восходивший над горизонтом в минуту вашего рождения, — определяет манеру держаться и первое впечатление, которое вы производите. Он сменяется примерно каждые два часа, поэтому без точного времени рождения его нельзя вычислить. Укажите время рождения, и разбор дополнится Асцендентом, Серединой неба и домами.
heading-mc = Середина неба (MC) { $sign_in }
heading-node = Лунные узлы: Северный узел { $sign_in }
heading-aspects = Аспекты
aspects-intro = Аспекты — это угловые связи между планетами. Они показывают, как разные стороны вашей натуры взаимодействуют: где они дружат и помогают друг другу, а где спорят и подталкивают к росту. Ниже описаны самые точные, а значит, самые ощутимые аспекты вашей карты.
aspects-none = В карте нет точных мажорных аспектов между планетами. Это встречается нечасто: каждая планета действует довольно самостоятельно, и разные стороны вашей натуры проявляются независимо друг от друга.
aspect-title-conjunction = { $a } в соединении { $b_with }
aspect-title-sextile = { $a } в секстиле { $b_to }
aspect-title-square = { $a } в квадрате { $b_to }
aspect-title-trine = { $a } в трине { $b_to }
aspect-title-opposition = { $a } в оппозиции { $b_to }
aspect-orb = орб { NUMBER($orb, minimumFractionDigits: 1, maximumFractionDigits: 1) }°, { $phase ->
        [applying] сходящийся
       *[separating] расходящийся
    }
aspect-paragraph = { $title } ({ $orb }). { $body }
aspect-paragraph-explained = { $title } ({ $orb }). { $body } { $meaning }
heading-closing = В завершение
closing-text-1 = Помните, что карта описывает потенциал, а не готовый сценарий. Одно и то же положение планет может проявиться и как слабость, и как сила, — выбор всегда остаётся за вами, и с годами вы всё лучше учитесь пользоваться своими дарами.
closing-text-2 = Возвращайтесь к этому разбору время от времени: то, что сегодня кажется непонятным, нередко проясняется через несколько лет. Пусть звёзды будут для вас не указом, а добрыми собеседниками.
