"""Short original articles and foreign-language paragraphs for the synthetic generator.

Everything here was written for this project (no scraped or licensed text), so the
strategies and tests can build realistic documents without ``../shared``. The articles
are deliberately varied in topic and register, and several contain non-ASCII
characters (accented letters, curly quotes, dashes) so that mojibake damage shows.
"""

from __future__ import annotations

__all__ = ["FOREIGN_PARAGRAPHS", "SAMPLE_ARTICLES", "TEASER_TITLES"]

SAMPLE_ARTICLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Harbour Town Votes to Restore Its Old Lighthouse",
        (
            "Residents of Port Calder voted on Thursday to spend £1.2 million restoring the "
            "lighthouse that has stood on the north mole since 1871. The tower has been dark "
            "for almost two decades, and its iron lantern room is badly corroded.",
            "Supporters argued that the building is the town’s best-known landmark and could "
            "draw visitors in the quiet winter months. Opponents said the money would be "
            "better spent on the harbour wall, which flooded twice last year.",
            "The council plans to invite tenders in the spring. Work on the lantern itself "
            "will be done by a specialist firm in Leith, because few foundries still cast "
            "glazing bars of the original pattern.",
            "“We are not building a museum,” said the harbour master, Elena Brodie. “We want "
            "the light to shine again, even if ships no longer need it.”",
        ),
    ),
    (
        "Why Sourdough Starters Smell Like Nail Varnish",
        (
            "Anyone who has neglected a sourdough starter for a week knows the sharp, solvent "
            "smell that greets them when they lift the lid. Bakers call it hooch; chemists "
            "call it ethyl acetate and a family of related esters.",
            "The smell appears when the yeasts and bacteria in the jar run out of fresh flour. "
            "Starved microbes switch to other pathways, and some of the by-products are "
            "volatile enough to reach your nose at room temperature.",
            "The fix is simple: pour off the grey liquid, discard most of the starter and feed "
            "what remains with equal weights of flour and water. Within two feedings the "
            "culture usually smells of yoghurt and apples again.",
        ),
    ),
    (
        "Regional Rail Operator Trials Battery Trains on Coastal Line",
        (
            "A regional rail operator has begun carrying passengers on battery-powered trains "
            "along a 48-kilometre stretch of unelectrified coastal track. The units recharge "
            "under overhead wires at the junction station and run the rest of the route on "
            "stored power.",
            "Engineers say the batteries lose about a fifth of their range in cold weather, "
            "which is why the winter timetable includes a longer stop at the junction. Heaters "
            "in the passenger saloons draw more energy than the traction motors on a frosty "
            "morning.",
            "If the trial succeeds, the operator hopes to retire its remaining diesel units by "
            "the end of the decade. Unions have asked for guarantees that maintenance jobs at "
            "the depot will be retrained rather than cut.",
            "Passengers interviewed at the terminus mostly noticed one thing — the silence. "
            "“You can hear people’s conversations three rows away,” one commuter said.",
        ),
    ),
    (
        "A Beginner’s Guide to Reading Topographic Maps",
        (
            "Contour lines look intimidating, but they describe a simple idea: every point on "
            "a given line sits at the same height above sea level. Where the lines bunch "
            "together the ground is steep; where they spread apart it is gentle.",
            "Start by finding the contour interval, usually printed in the map’s margin. On "
            "most walking maps it is ten metres, so five closely packed lines mean a climb of "
            "fifty metres over a short distance.",
            "Valleys and ridges are easy to confuse. A useful rule is that contour lines point "
            "uphill when they cross a stream, forming a V whose tip aims towards the source.",
            "Practise on a familiar hill before you rely on a map in bad weather. Compare what "
            "you see with what the lines predict, and the shapes will soon read like pictures.",
        ),
    ),
    (
        "Small Museums Turn to Volunteers as Grants Shrink",
        (
            "Across the country, small local museums are relying on volunteers to stay open as "
            "public grants fall in real terms. Some now open only three days a week, and many "
            "have stopped charging for entry altogether in the hope of larger donations.",
            "At the Weavers’ Cottage Museum, a team of retired teachers runs the front desk, "
            "catalogues the archive and leads school visits. The curator, who is the only paid "
            "member of staff, works four days a week.",
            "Volunteers bring enthusiasm but also limits. Conservation work on textiles and "
            "paper requires training that few of them have, and insurers are wary of unpaid "
            "staff handling fragile objects.",
        ),
    ),
    (
        "Study Finds City Trees Cool Streets by Up to Four Degrees",
        (
            "Streets lined with mature trees were up to four degrees cooler on summer "
            "afternoons than treeless streets nearby, according to a study of temperature "
            "sensors placed across three European cities.",
            "The researchers found that the effect depended less on the number of trees than "
            "on the size of their canopies. A few large plane trees did more than dozens of "
            "young saplings planted in pavement pits.",
            "The findings add weight to calls for cities to protect existing trees during "
            "building work. Replacing a felled tree with a sapling, the authors note, leaves a "
            "gap of twenty or thirty years before the shade returns.",
            "Urban planners welcomed the study but pointed out that roots and underground "
            "cables compete for the same narrow strip of soil beneath most pavements.",
        ),
    ),
    (
        "How a Village Choir Ended Up Singing at the Opera House",
        (
            "The choir of St Aldhelm’s in the village of Ashcombe has thirty-one members, a "
            "piano that needs tuning and, since last month, a line on its record that few "
            "amateur groups can match: a performance on the main stage of the opera house.",
            "It began with a video. A member filmed the choir rehearsing a folk song in the "
            "church hall and posted it online, where it was watched more than two million "
            "times in a week.",
            "The opera’s chorus master saw it and invited the singers to join a charity "
            "concert. “I was terrified,” admitted the choir’s youngest member, who is "
            "fourteen. “Then the lights went down and it felt like rehearsal again.”",
        ),
    ),
    (
        "Farmers Test Drones to Spot Blight Before It Spreads",
        (
            "Potato growers in the eastern counties are testing drones fitted with "
            "multispectral cameras that can spot late blight days before the leaves show "
            "visible damage.",
            "The cameras measure how strongly the crop reflects near-infrared light. Healthy "
            "leaves reflect a great deal; stressed plants reflect less, and the change shows "
            "up as a darker patch on the processed images.",
            "Growers still have to walk the field to confirm the diagnosis, but the maps tell "
            "them where to look first. One farmer said the drone had saved him a day of "
            "walking each week in a wet July.",
            "Agronomists caution that the images cannot yet tell blight from drought stress or "
            "a nutrient shortage, so the system works best alongside local weather data.",
            "The trial is funded by a growers’ cooperative and will run for two more seasons "
            "before members decide whether to buy the equipment outright.",
        ),
    ),
    (
        "The Quiet Comeback of the Fountain Pen",
        (
            "Sales of fountain pens have risen for five years in a row, according to "
            "stationery retailers, and the buyers are younger than you might think. Students "
            "and office workers say writing by hand helps them concentrate.",
            "Inks have become part of the appeal. Small makers now sell hundreds of colours, "
            "some with a sheen that flashes red or green when the light catches a dried page.",
            "Repairers report a matching boom. Old pens bought at flea markets often need new "
            "sacs and nibs, and a skilled repairer can have a waiting list of several months.",
        ),
    ),
    (
        "Council Approves Plan for Car-Free School Streets",
        (
            "Roads outside eleven primary schools will close to motor traffic for forty "
            "minutes at the start and end of each school day, under a plan approved by the "
            "city council on Monday evening.",
            "Residents who live on the affected streets will be able to apply for exemptions, "
            "as will blue-badge holders and delivery drivers with booked slots. Cameras will "
            "enforce the closures after a six-week warning period.",
            "Parents’ groups said the measure would make the walk to school safer and cut "
            "pollution at the gates. Some shopkeepers worried that passing trade would fall "
            "during the closures.",
            "A review of the scheme is scheduled for next summer, when the council will publish "
            "air-quality readings taken before and after the change.",
        ),
    ),
    (
        "Astronomers Spot a Comet That Visits Once Every 400 Years",
        (
            "Amateur astronomers in Chile and New Zealand have photographed a faint comet that "
            "last passed close to the Sun around the time Galileo pointed his first telescope "
            "at the sky.",
            "The comet is not expected to become visible to the naked eye, but observers with "
            "binoculars and a dark sky may glimpse its tail low in the western sky after "
            "sunset during the second half of the month.",
            "Orbital calculations suggest it will pass well clear of Earth — at more than a "
            "hundred million kilometres — before heading back to the outer solar system.",
        ),
    ),
    (
        "What Happens to Old Wind Turbine Blades",
        (
            "Wind turbines last about twenty-five years, and the first large wind farms are "
            "now reaching retirement. Towers and gearboxes are mostly steel and can be "
            "recycled, but the blades are a harder problem.",
            "They are made of glass or carbon fibre bound in resin, a composite that is "
            "strong and light precisely because it is difficult to take apart. For years most "
            "old blades went to landfill.",
            "Several companies now grind blades into filler for cement kilns, and a few "
            "architects have used whole sections as bicycle shelters and playground bridges.",
            "Manufacturers are also developing resins that can be dissolved at the end of a "
            "blade’s life, recovering fibres that are clean enough to reuse.",
        ),
    ),
    (
        "Local Bakery Wins National Award for Rye Bread",
        (
            "A family bakery in Market Harwell has won the national prize for rye bread, "
            "beating more than three hundred entries from across the country.",
            "The winning loaf uses a starter that the owner’s grandmother brought from Riga in "
            "the 1950s. It is fermented for eighteen hours and baked in a wood-fired oven "
            "that the family rebuilt brick by brick in 2019.",
            "Judges praised its “deep, malty crumb and a crust with real character”. The "
            "bakery has since had to take orders a week in advance.",
        ),
    ),
    (
        "Hospital Trials Quiet Hours to Help Patients Sleep",
        (
            "Wards at a city hospital have introduced quiet hours between ten at night and six "
            "in the morning, dimming corridor lights and moving routine checks to the evening "
            "where it is safe to do so.",
            "Nurses were given pagers that vibrate instead of ringing, and the cleaning rota "
            "was changed so that floors are polished before midnight rather than at dawn.",
            "Early surveys suggest patients report better sleep and fewer requests for "
            "sleeping tablets. Staff say the calm also makes night shifts less tiring.",
            "The hospital plans to extend the trial to its children’s wards if the results "
            "hold up over the winter, when admissions usually peak.",
        ),
    ),
    (
        "The Surprising Science of Why Cats Knock Things Over",
        (
            "Every cat owner has watched a pet stare at a glass, raise a paw and push it "
            "slowly towards the edge of the table. Behaviourists say the habit has more than "
            "one cause.",
            "Part of it is hunting practice: batting at small objects rehearses the movements "
            "a cat would use on a mouse. Part of it is curiosity about what the object will do "
            "when it falls.",
            "And part of it, researchers admit, is about us. A cat quickly learns that a "
            "falling glass brings a human running, and attention — even cross attention — is "
            "a reward.",
            "The best remedy is boredom prevention: puzzle feeders, play sessions before "
            "meals, and fewer breakable things on the table.",
        ),
    ),
    (
        "River Clean-Up Volunteers Pull 300 Trolleys from the Canal",
        (
            "More than two hundred volunteers spent the weekend dragging shopping trolleys, "
            "bicycles and a surprising number of traffic cones out of the city’s main canal.",
            "The clean-up, organised by a canal trust, recovered about three hundred trolleys "
            "from a four-kilometre stretch between the old mills and the marina.",
            "Divers from a local club checked the deeper sections near the locks, where "
            "debris had built up enough to jam the gates twice this year.",
            "Supermarkets in the area have agreed to fit wheel locks that stop trolleys from "
            "leaving their car parks, a step campaigners have requested for years.",
            "“Next year we hope to find fewer trolleys and more fish,” said one of the "
            "organisers, holding up a rusted scooter.",
        ),
    ),
)
"""Sixteen original articles: (title, paragraphs)."""

FOREIGN_PARAGRAPHS: tuple[tuple[str, str], ...] = (
    ("de", "Die Stadtverwaltung hat am Dienstag beschlossen, die alte Brücke über den Fluss "
           "zu sanieren. Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern."),
    ("fr", "Les habitants du quartier se sont réunis samedi pour discuter du nouveau marché "
           "couvert. Beaucoup souhaitent qu’il reste ouvert le dimanche matin."),
    ("es", "El ayuntamiento anunció que la biblioteca municipal ampliará su horario durante "
           "los meses de exámenes. Los estudiantes podrán quedarse hasta la medianoche."),
    ("it", "Il museo civico ha riaperto le sale dedicate alla storia del porto dopo un lungo "
           "restauro. L’ingresso sarà gratuito per tutto il mese di maggio."),
    ("zh", "当地政府周二宣布,将在明年春天修复这座老桥。工程预计持续两年,期间将开放临时渡口。"),
    ("pt", "A prefeitura informou que as obras na avenida principal terminarão antes do "
           "carnaval. Os moradores reclamam do barulho e da poeira."),
    ("nl", "De gemeente wil meer bomen planten in de binnenstad om de straten koeler te houden "
           "tijdens hete zomers. Bewoners mogen zelf een boomsoort voorstellen."),
    ("ru", "Городские власти пообещали отремонтировать старый мост до конца следующего года. "
           "На время работ будет организована временная переправа."),
)
"""Short original non-English paragraphs: (ISO 639-1 language, text)."""

TEASER_TITLES: tuple[str, ...] = (
    "Ten Houseplants That Survive Almost Any Neglect",
    "Inside the Race to Build a Better Bicycle Lock",
    "Why Your Sourdough Collapses in the Oven",
    "The Hidden Cost of Free Shipping",
    "Five Walks You Can Do Without a Car",
    "What Economists Get Wrong About Coffee Prices",
    "A Week Living Off Grid on a Scottish Island",
    "How to Choose a Used Electric Car",
    "The Town That Banned Leaf Blowers",
    "Meet the Last Clockmaker on the High Street",
    "Is Cold-Water Swimming Really Good for You?",
    "The Strange History of the Paperclip",
)
"""Original headline-like titles used for teaser link runs when the caller gives none."""
