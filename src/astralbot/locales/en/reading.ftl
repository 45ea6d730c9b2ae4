## Reading: names, grammatical forms and the frame of the reading.
## Other parts of the bot reuse sign-*, planet-*, aspect-*, house-* and warning-* keys.

## Signs: name and "in ...".
sign-aries = Aries
sign-aries-in = in Aries
sign-taurus = Taurus
sign-taurus-in = in Taurus
sign-gemini = Gemini
sign-gemini-in = in Gemini
sign-cancer = Cancer
sign-cancer-in = in Cancer
sign-leo = Leo
sign-leo-in = in Leo
sign-virgo = Virgo
sign-virgo-in = in Virgo
sign-libra = Libra
sign-libra-in = in Libra
sign-scorpio = Scorpio
sign-scorpio-in = in Scorpio
sign-sagittarius = Sagittarius
sign-sagittarius-in = in Sagittarius
sign-capricorn = Capricorn
sign-capricorn-in = in Capricorn
sign-aquarius = Aquarius
sign-aquarius-in = in Aquarius
sign-pisces = Pisces
sign-pisces-in = in Pisces

## What a sign gives, as a noun phrase for the "big three" summary.
sign-aries-quality = courage, directness and the urge to go first
sign-taurus-quality = steadiness, sensuality and a gift for building what lasts
sign-gemini-quality = curiosity, a quick mind and an easy way with words
sign-cancer-quality = sensitivity, care and a deep loyalty to your own people
sign-leo-quality = a generous heart, creative power and the wish to shine for others
sign-virgo-quality = an eye for detail, practical sense and the wish to be useful
sign-libra-quality = a sense of harmony, tact and a talent for partnership
sign-scorpio-quality = depth, passion and the power of inner renewal
sign-sagittarius-quality = optimism, a hunger for meaning and a love of freedom
sign-capricorn-quality = purpose, endurance and the patience to build for the long run
sign-aquarius-quality = independence, original thinking and loyalty to ideals
sign-pisces-quality = compassion, a rich imagination and subtle intuition

## Bodies and angles. English needs no case forms; the -to and -with keys mirror Russian.
planet-sun = Sun
planet-sun-to = Sun
planet-sun-with = Sun
planet-moon = Moon
planet-moon-to = Moon
planet-moon-with = Moon
planet-mercury = Mercury
planet-mercury-to = Mercury
planet-mercury-with = Mercury
planet-venus = Venus
planet-venus-to = Venus
planet-venus-with = Venus
planet-mars = Mars
planet-mars-to = Mars
planet-mars-with = Mars
planet-jupiter = Jupiter
planet-jupiter-to = Jupiter
planet-jupiter-with = Jupiter
planet-saturn = Saturn
planet-saturn-to = Saturn
planet-saturn-with = Saturn
planet-uranus = Uranus
planet-uranus-to = Uranus
planet-uranus-with = Uranus
planet-neptune = Neptune
planet-neptune-to = Neptune
planet-neptune-with = Neptune
planet-pluto = Pluto
planet-pluto-to = Pluto
planet-pluto-with = Pluto
planet-mean_node = Mean Node
planet-mean_node-to = the Mean Node
planet-mean_node-with = the Mean Node
planet-true_node = True Node
planet-true_node-to = the True Node
planet-true_node-with = the True Node
planet-lilith = Lilith
planet-lilith-to = Lilith
planet-lilith-with = Lilith
planet-asc = Ascendant
planet-asc-to = the Ascendant
planet-asc-with = the Ascendant
planet-mc = Midheaven
planet-mc-to = the Midheaven
planet-mc-with = the Midheaven

## What each planet stands for, as a phrase that composes into aspect sentences.
planet-function-sun = your will and your drive to be yourself (Sun)
planet-function-moon = your feelings and your need for security (Moon)
planet-function-mercury = your mind and the way you communicate (Mercury)
planet-function-venus = your capacity for love and beauty (Venus)
planet-function-mars = your energy, drive and decisiveness (Mars)
planet-function-jupiter = your faith in life and your urge to grow (Jupiter)
planet-function-saturn = your discipline and sense of responsibility (Saturn)
planet-function-uranus = your thirst for freedom and change (Uranus)
planet-function-neptune = your intuition and your capacity to dream (Neptune)
planet-function-pluto = your power of deep renewal (Pluto)
planet-function-asc = the way you meet the world (Ascendant)
planet-function-mc = your calling and life direction (Midheaven)

## Aspects.
aspect-conjunction = Conjunction
aspect-sextile = Sextile
aspect-square = Square
aspect-trine = Trine
aspect-opposition = Opposition

## Houses: name and "in the ... house".
house-1 = 1st house
house-1-in = in the 1st house
house-2 = 2nd house
house-2-in = in the 2nd house
house-3 = 3rd house
house-3-in = in the 3rd house
house-4 = 4th house
house-4-in = in the 4th house
house-5 = 5th house
house-5-in = in the 5th house
house-6 = 6th house
house-6-in = in the 6th house
house-7 = 7th house
house-7-in = in the 7th house
house-8 = 8th house
house-8-in = in the 8th house
house-9 = 9th house
house-9-in = in the 9th house
house-10 = 10th house
house-10-in = in the 10th house
house-11 = 11th house
house-11-in = in the 11th house
house-12 = 12th house
house-12-in = in the 12th house

## Warnings from the chart engine (the CLI renders them too).
warning-time_unknown = The birth time is unknown, so the chart is cast for noon. Without an exact time there are no houses, Ascendant or Midheaven, and the Moon may be off by up to about { NUMBER($moon_uncertainty_deg, maximumFractionDigits: 0) }°.
warning-polar_fallback = The birthplace lies beyond the polar circle (latitude { NUMBER($lat, maximumFractionDigits: 2) }°), where { $requested ->
        [placidus] Placidus
        [koch] Koch
        [porphyry] Porphyry
        [equal] Equal
        [whole-sign] Whole Sign
       *[other] { $requested }
    } houses cannot be computed. The houses were computed with { $used ->
        [placidus] Placidus
        [koch] Koch
        [porphyry] Porphyry
        [equal] Equal
        [whole-sign] Whole Sign
       *[other] { $used }
    } houses at the true latitude.
warning-other = A note on this chart's calculation: { $code }.

## The frame of the reading.
reading-title-short = Your astrological portrait in brief
reading-title-full = Your natal chart: the full reading
heading-notes = Please note
heading-intro = Introduction
intro-text-1 = A natal chart is a picture of the sky at the moment and place of your birth. It does not foretell your fate or decide anything for you; it is rather a map of your natural inclinations, talents and inner tensions, one you can return to whenever you want to understand yourself better.
intro-text-2 = The reading moves from the essential to the particular: first the "big three" of Sun, Moon and Ascendant, then each planet in its sign and house, the lunar nodes, the angles of the chart and the main aspects between the planets. Read it as a conversation rather than a verdict: note what resonates, and come back to it at turning points in your life.
heading-big-three = The big three
big-three-sun = Your Sun { $sign_in } is the core of your personality, what gives you strength and a sense of purpose. Your main source of energy: { $quality }.
big-three-moon = Your Moon { $sign_in } speaks of your inner world: your feelings, habits and what brings you peace. What nourishes you from within: { $quality }.
big-three-asc = Your Ascendant { $sign_in } is the way you step into the world and the first impression you make. What people sense in you first: { $quality }.
big-three-asc-unknown = The third pillar, the Ascendant, needs an exact birth time, so it is not described here. The portrait is incomplete without it, but your Sun and Moon already say a great deal about you.
heading-planet-in-sign = { $planet } { $sign_in }
heading-planet-in-house = { $planet } { $house_in }
retrograde-note = { $planet } was retrograde when you were born. This turns the planet's energy inward: you live its themes more deeply and independently, often returning to them and revisiting old decisions before you act.
retrograde-note-mercury = Mercury was retrograde when you were born. Your thinking goes deep rather than wide: you tend to double-check, return to what was said and notice what others missed. Your best decisions come after a pause rather than at once — trust that rhythm.
retrograde-note-venus = Venus was retrograde when you were born. Your feelings and tastes do not follow other people's patterns: you take your time before opening up, and you value in people and things what has stood the test of time. Old bonds often return to your life in a new form.
retrograde-note-mars = Mars was retrograde when you were born. Your strength does not burst out at the first provocation — it gathers and is thought through. You act most precisely once you have chosen your goal, and you prefer to turn anger and drive into work rather than quarrels.
retrograde-note-jupiter = Jupiter was retrograde when you were born. Faith and luck grow from within you: you do not take other people's convictions on trust but work out a philosophy of your own. Growth comes through rethinking experience rather than chasing new chances.
retrograde-note-saturn = Saturn was retrograde when you were born. You set your own standards, sometimes more strictly than anyone else would. Over the years this becomes an inner backbone: discipline that needs no supervisor.
retrograde-note-uranus = Uranus was retrograde when you were born — a trait shared by many of your generation. Your longing for freedom is quiet and inward: change begins in your mind long before others can see it.
retrograde-note-neptune = Neptune was retrograde when you were born, as it was for many of your peers. Your intuition and dreams turn inward: you guard your inner world carefully and, over time, learn to tell inspiration from illusion.
retrograde-note-pluto = Pluto was retrograde when you were born — a mark of the whole period rather than of your chart alone. Your deepest transformations happen out of sight: you work crises through within and come out of them renewed.
moon-cusp-note = Your birth time is unknown and the Moon was close to the edge of a sign that day, so it may in fact have been { $other_in }. If you learn your exact birth time, the reading will become more precise.
heading-houses = Planets in the houses
houses-unknown = The houses of a chart show the areas of life, such as work, family, relationships and money, where each planet does its work. They need an exact birth time, so this reading does not describe them. Add your birth time and the reading will gain this section.
heading-asc = Ascendant { $sign_in }
heading-asc-unknown = Ascendant
asc-unknown = The Ascendant, the sign rising on the eastern horizon at the minute of your birth, shapes your manner and the first impression you make. It changes about every two hours, so it cannot be computed without an exact birth time. Add your birth time and the reading will gain the Ascendant, the Midheaven and the houses.
heading-mc = Midheaven (MC) { $sign_in }
heading-node = The lunar nodes: North Node { $sign_in }
heading-aspects = Aspects
aspects-intro = Aspects are the angles between planets. They show how the different sides of your nature work together: where they cooperate and support each other, and where they argue and push you to grow. Below are the tightest, and therefore the most tangible, aspects in your chart.
aspects-none = Your chart has no close major aspects between the planets. This is uncommon: each planet acts rather on its own, and the sides of your nature express themselves independently of one another.
aspect-title-conjunction = { $a } conjunct { $b_with }
aspect-title-sextile = { $a } sextile { $b_to }
aspect-title-square = { $a } square { $b_to }
aspect-title-trine = { $a } trine { $b_to }
aspect-title-opposition = { $a } opposite { $b_to }
aspect-orb = orb { NUMBER($orb, minimumFractionDigits: 1, maximumFractionDigits: 1) }°, { $phase ->
        [applying] applying
       *[separating] separating
    }
aspect-paragraph = { $title } ({ $orb }). { $body }
aspect-paragraph-explained = { $title } ({ $orb }). { $body } { $meaning }
heading-closing = In closing
closing-text-1 = Remember that a chart describes potential, not a finished script. The same placement can show up as a weakness or as a strength; the choice is always yours, and with the years you learn to use your gifts better and better.
closing-text-2 = Come back to this reading from time to time: what seems unclear today often makes sense a few years later. May the stars be not your masters but good companions in conversation.

## Aspects: a frame per type composing two planet functions, a meaning told once per type,
## and written texts for the most telling pairs.
aspect-frame-conjunction = Here { $fa } and { $fb } merge into one: in your life these themes almost always act together.
aspect-frame-sextile = Here { $fa } and { $fb } support each other like friends: a little initiative, and one helps the other.
aspect-frame-square = Here { $fa } and { $fb } are in a tense argument: one keeps demanding its due at the other's expense, and it is from this friction that your strength is born.
aspect-frame-trine = Here { $fa } and { $fb } cooperate easily and naturally: this is an inborn gift that works almost without effort.
aspect-frame-opposition = Here { $fa } and { $fb } sit on opposite pans of the scales: life keeps asking you to find a balance between them.
aspect-meaning-conjunction = The conjunction is the most powerful aspect: the planets act as a single alloy, and this pairing becomes one of the most visible traits of your character.
aspect-meaning-sextile = The sextile is the aspect of opportunity: it does not impose itself, but it answers effort generously and opens lucky chances when you are ready for them.
aspect-meaning-square = The square is the aspect of growth through challenge: it brings inner restlessness but also strong motivation, and over the years maturity turns it into a source of resolve and mastery.
aspect-meaning-trine = The trine is the aspect of harmony and talent: the energies flow freely, and the point is not to take this gift for granted but to put it to work on purpose.
aspect-meaning-opposition = The opposition is the aspect of polarity: it is often lived through other people and relationships, and maturity comes when you learn to hold both sides instead of choosing one.
aspect-pair-sun-moon-conjunction = You were born at a New Moon: your will and your feelings are one, and what you want almost always matches what you feel. This gives you wholeness and focus, though it can make it harder to see yourself from the outside. You are made for starting new cycles and throwing yourself fully into them.
aspect-pair-sun-moon-sextile = A friendly agreement reigns between your wishes and your feelings. You know how to negotiate with yourself, find common ground with people easily, and usually know how to combine duty with pleasure. It is a good foundation for inner balance and warm relationships.
aspect-pair-sun-moon-square = Your conscious goals and your emotional needs often pull in different directions: the head wants one thing, the heart another. This inner tension makes you active and restless, pushing you to search for yourself again and again. Over time you learn to hear both sides, and the conflict becomes a powerful engine of growth.
aspect-pair-sun-moon-trine = Your will and your feelings work in harmony, so you carry a great deal of natural balance and love of life. It is easier for you than for many to stay yourself, trust your feelings and recover after hardship. Treasure this gift: it helps you support others too.
aspect-pair-sun-moon-opposition = You were born at a Full Moon: two sides of you are vividly present, one striving for goals and one seeking closeness and peace. You come to know yourself especially through relationships, and partners often mirror your other half. The task of a lifetime is not to choose between these poles but to hold them in balance.
aspect-pair-venus-mars-conjunction = Love and passion are fused in you: you are magnetic and sensual, and you cannot love by halves. In relationships you take the first step yourself, and your charm goes hand in hand with decisiveness. The same pairing gives creative energy: you know how to turn taste into action.
aspect-pair-venus-mars-sextile = Tenderness and drive complement each other beautifully in you: you take the initiative gently and show care through action. In love and friendship you easily balance giving and pursuing. This harmony helps in creative work and in shared ventures alike.
aspect-pair-venus-mars-square = In love you are drawn to spark and tension: the wish for closeness argues with the thrill of the chase, and calm relationships can feel bland. This passion makes you alive and attractive, but it asks you to learn not to turn feelings into a battlefield. Given a creative outlet, this energy becomes a huge source of inspiration.
aspect-pair-venus-mars-trine = Softness and strength, charm and decisiveness sit naturally together in you. You express feelings easily and take the initiative in love while keeping the harmony. This pairing often brings artistic talent and a whole-hearted, physical joy in life.
aspect-pair-venus-mars-opposition = In relationships you feel the pull of opposites keenly: what you lack, you often look for in a partner. The wish to yield and the wish to insist create a tension full of passion. Maturity comes when you unite both sides within yourself, and then relationships become a union of equals.
