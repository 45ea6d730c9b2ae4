## Ascendant, Midheaven and the lunar nodes.

asc-in-sign-aries = With Aries rising you enter every situation energetically and directly: people see you as someone who acts. You come across as brave, sporty and a little impatient, never waiting for an invitation. Your path is to learn to aim this starting impulse where it is really needed.
asc-in-sign-taurus = Taurus rising gives you a calm, grounded manner and a winning charm. People feel safe around you, and the first impression is of someone balanced, with taste and a sense of measure. You dislike haste and open up gradually, but for good.
asc-in-sign-gemini = With Gemini rising you come across as lively, quick and curious: you strike up conversations easily and find common ground fast. People see you as a witty companion, young at heart. Your challenge is focus, since there is always so much of interest around you.
asc-in-sign-cancer = Cancer rising makes you seem gentle and caring to others: people feel they can be themselves with you. You enter new situations carefully, first sensing the atmosphere. Behind your outward reserve lies great emotional strength and a wish to protect.
asc-in-sign-leo = With Leo rising you stand out in any room: you have presence, warmth and natural magnetism. People see you as confident and generous, made for the stage or for leadership. Your path is to shine without needing constant confirmation of your worth.
asc-in-sign-virgo = Virgo rising gives you a neat, composed and modest manner. People see you as clever, attentive and reliable, someone to count on for the details. Allow yourself more spontaneity and less self-criticism.
asc-in-sign-libra = With Libra rising you come across as pleasant, elegant and diplomatic. You know how to win people over, avoid harshness and create harmony around you. Your task is not to hide your own opinion behind politeness.
asc-in-sign-scorpio = Scorpio rising makes you mysterious and magnetic: you see right through people, yet you open up slowly yourself. Others sense your strength and depth even when you are silent. Trust is a treasure you give to few, but for ever.
asc-in-sign-sagittarius = With Sagittarius rising you meet the world openly, with a smile and a thirst for adventure. People see you as an optimist, a traveller and a person of broad views. Your frankness is disarming, though it is sometimes worth softening words that are too blunt.
asc-in-sign-capricorn = Capricorn rising gives you seriousness, restraint and the air of someone who knows what they are doing. In youth you may seem older than your years, and with time you seem to grow younger. People respect you for your reliability and composure.
asc-in-sign-aquarius = With Aquarius rising you come across as original, independent and friendly. You are unlike others and feel no need to meet expectations. People value your openness to the new, though they sometimes sense a slight distance.
asc-in-sign-pisces = Pisces rising makes you gentle, dreamy and highly receptive to atmosphere. Others sense kindness in you and something elusively poetic. You need to build boundaries so that other people's moods do not become yours.

mc-in-sign-aries = A Midheaven in Aries speaks of a pioneer's calling: you are strong where someone must start, decide and lead. Work with challenge, competition and freedom of action suits you.
mc-in-sign-taurus = A Midheaven in Taurus points to a path of building and stability: you are fulfilled by work with tangible results, such as finance, art, nature or a craft. Your reputation rests on reliability.
mc-in-sign-gemini = A Midheaven in Gemini ties your calling to words, information and communication. Professions with variety, teaching, writing, trade or media suit you.
mc-in-sign-cancer = A Midheaven in Cancer speaks of a calling to care: you are fulfilled where you can nurture, feed, raise and make a home for others. You need to feel an emotional bond with your work.
mc-in-sign-leo = A Midheaven in Leo calls you to a visible role: leadership, creativity, the stage, work with children. Your calling is to be seen and to inspire by example.
mc-in-sign-virgo = A Midheaven in Virgo points to the path of the master and specialist: you are fulfilled through precision, analysis, medicine, service and making things better.
mc-in-sign-libra = A Midheaven in Libra ties your calling to partnership, beauty and justice. Diplomacy, law, design, consulting and anything where harmony and taste matter suit you.
mc-in-sign-scorpio = A Midheaven in Scorpio speaks of a calling to work with the depths: psychology, research, finance, medicine, crisis situations. You are capable of great power and of carrying responsibility for it.
mc-in-sign-sagittarius = A Midheaven in Sagittarius calls you to wide horizons: education, travel, law, publishing, mentoring. Your calling is to broaden people's outlook.
mc-in-sign-capricorn = A Midheaven in Capricorn points to serious ambitions: you are made for responsibility, management and building long-term structures. Success comes with the years and stays.
mc-in-sign-aquarius = A Midheaven in Aquarius ties your calling to innovation, technology, science and social projects. You are fulfilled where you can change the usual order of things.
mc-in-sign-pisces = A Midheaven in Pisces speaks of a calling linked to art, helping people, spirituality or healing. Your path may not be straight, but it leads to where you serve something greater.

node-in-sign-aries = North Node in Aries (South Node in Libra): your path of growth is the courage to be yourself and to act on your own. The habit of adapting to others and seeking approval gives way to healthy resolve.
node-in-sign-taurus = North Node in Taurus (South Node in Scorpio): your path of growth is simplicity, stability and trust in life. You learn to let go of drama and control and to build a calm well-being with your own hands.
node-in-sign-gemini = North Node in Gemini (South Node in Sagittarius): your path of growth is curiosity, dialogue and the art of listening. The habit of knowing the answers in advance gives way to a lively interest in other points of view.
node-in-sign-cancer = North Node in Cancer (South Node in Capricorn): your path of growth is warmth, family and openness to feelings. You learn to value closeness no less than achievement and status.
node-in-sign-leo = North Node in Leo (South Node in Aquarius): your path of growth is creativity, warmth of heart and the courage to step into the centre. You learn to express your uniqueness rather than dissolve into the group.
node-in-sign-virgo = North Node in Virgo (South Node in Pisces): your path of growth is practical service, order and care for the body. Dreams become reality when you give them a clear form.
node-in-sign-libra = North Node in Libra (South Node in Aries): your path of growth is partnership, cooperation and taking others into account. You learn that together you can achieve more than alone.
node-in-sign-scorpio = North Node in Scorpio (South Node in Taurus): your path of growth is depth, change and the readiness to let go of the familiar. True security comes through trust and emotional honesty.
node-in-sign-sagittarius = North Node in Sagittarius (South Node in Gemini): your path of growth is the search for meaning, faith and a broad view of life. You learn to trust your intuition, not only facts and other people's opinions.
node-in-sign-capricorn = North Node in Capricorn (South Node in Cancer): your path of growth is responsibility, maturity and goals of your own. You learn to step out of your comfort zone and build your own road in the world.
node-in-sign-aquarius = North Node in Aquarius (South Node in Leo): your path of growth is serving a common cause, friendship and ideas larger than yourself. The need for personal recognition gives way to joy in shared success.
node-in-sign-pisces = North Node in Pisces (South Node in Virgo): your path of growth is trust, compassion and spirituality. You learn to release control and perfectionism and to let life guide you.

node-in-house-1 = In the 1st house the North Node calls you to independence and to showing yourself boldly.
node-in-house-2 = In the 2nd house the North Node leads you to your own resources, values and self-reliance.
node-in-house-3 = In the 3rd house the North Node develops your communication, learning and interest in your immediate surroundings.
node-in-house-4 = In the 4th house the North Node turns you toward home, family and inner foundations.
node-in-house-5 = In the 5th house the North Node calls you to creativity, love and the joy of life.
node-in-house-6 = In the 6th house the North Node leads you through daily work, service and care for your health.
node-in-house-7 = In the 7th house the North Node makes partnership and relationships the main school of your life.
node-in-house-8 = In the 8th house the North Node leads you to deep intimacy, trust and transformation.
node-in-house-9 = In the 9th house the North Node calls you to travel, education and the search for meaning.
node-in-house-10 = In the 10th house the North Node leads you toward your calling, career and public role.
node-in-house-11 = In the 11th house the North Node opens you up through friendship, teams and shared goals.
node-in-house-12 = In the 12th house the North Node calls you to inner work, spirituality and service.
