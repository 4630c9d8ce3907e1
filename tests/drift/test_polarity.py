"""Flipped negations, changed modality and changed quantities within aligned sentences."""

from __future__ import annotations

import pytest

from evalkit.drift import polarity
from evalkit.drift.facts import extract_facts, name_evidence, stem
from evalkit.drift.polarity import Flip, find_flips, negative_cues


def flips(original: list[str], rewrite: list[str]) -> list[Flip]:
    """Flips between two texts aligned sentence by sentence."""
    evidence = name_evidence([*original, *rewrite])
    facts_o = [extract_facts(text, i, evidence) for i, text in enumerate(original)]
    facts_r = [extract_facts(text, i, evidence) for i, text in enumerate(rewrite)]
    groups = [[i] for i in range(len(original))]
    return find_flips(facts_o, facts_r, original, rewrite, groups, groups)


@pytest.mark.parametrize(
    ("original", "rewrite", "kind", "shown"),
    [
        ("The footbridge is not expected to be affected.", "The footbridge is expected to be affected.",
         "negation-removed", "is expected"),
        ("They probably won’t mate soon.", "They probably will mate soon.", "negation-removed", "will mate"),
        ("Banknotes are not just practical.", "Banknotes are just practical.", None, None),
        ("But, that was not all.", "But, that was all.", "negation-removed", "was all"),
        # shown from the auxiliaries nearest the word, not from one that belongs to an earlier clause
        ("It would not have been possible without them.", "It would have been possible without them.",
         "negation-removed", "would have been possible"),
        ("Old ways aren’t enough to solve the problem.", "Old ways are enough to solve the problem.",
         "negation-removed", "are enough to solve"),
        ("The board agreed to the plan and did not agree to the cost.",
         "The board agreed to the plan and agreed to the cost.", "negation-removed", "agreed"),
        ("The method was more than 80% reliable.", "The method was not more than 80% reliable.", None, None),
        ("Prices rose sharply across the region last year.",
         "Prices did not rise sharply across the region last year.",
         "negation-added", "did not"),
        ("Weather is also having an effect on tourism.", "Weather is not also having an effect on tourism.",
         "negation-added", "is not"),
        ("The plan failed to deliver results.", "The plan did not deliver results.", None, None),
        # "failed to stop" is "did not stop": a verb of not doing cancels an implicit negation, as "not" does
        ("The drug failed to stop the disease.", "The drug did not stop the disease.", None, None),
        # an opposite in the same frame: the same nearest content word on one side, or a member of a family
        ("The attack happened in the north of the country.", "The attack happened in the south of the country.",
         "opposite", "south"),
        ("The mayor said the plan was too expensive.", "The mayor said the plan was cheap.", "opposite", "cheap"),
        ("The company was founded by his father.", "The company was founded by his brother.", "opposite",
         "brother"),
        ("Teachers rarely use the new books.", "Teachers often use the new books.", "opposite", "often"),
        ("More restraint in the use of antibiotics is needed.", "We need to use fewer antibiotics.", None, None),
        # a negation that stands for a verb said before it ("but BBM doesn't", "while intolerances are not")
        ("Other services expose its limits: unlike Skype and Viber, it does not yet offer video or voice calls; "
         "unlike Path, it does not do location sharing.",
         "Other services show its weaknesses: Skype and Viber have video or voice calls, but BBM doesn’t; Path "
         "does location sharing, but BBM doesn’t.", None, None),
        ("Allergies can be dangerous for the person, while intolerances are not.",
         "Intolerances are not dangerous, and they never kill.", None, None),
        # "no way" denies the clause after it; "without a ban" is no double negation
        ("“There’s no way I could have banned smoking in my bar without it being a rule in the city,” he says.",
         "“I couldn’t ban smoking in my bar without a ban in the city,” he says.", None, None),
        ("There’s no way I could have banned smoking in my bar without it being a rule in the city.",
         "There’s no way I could have banned smoking in my bar without a ban in the city.", None, None),
        # a denied denial ("not to say … not"), and negations said as phrases
        ("That is not to say vaping rates might not change but, at this stage, they are the same.",
         "The number of people vaping might change but, at the moment, it is the same.", None, None),
        ("Whether the region can continue to cope with more tourists remains to be seen.",
         "It is not certain that the region can continue to cope with more tourists.", None, None),
        ("This fee is regardless of how much you make in tips.", "It does not matter how much you make in tips.",
         None, None),
        ("We should be wary of leaving our navigational needs to our devices.",
         "We should be careful not to leave our navigational needs to our devices.", None, None),
        ("The government would consider prohibiting employers from charging workers a fee.",
         "The government would consider not allowing employers to charge workers a fee.", None, None),
        ("We have a theatre rather than a large venue.", "We have a theatre, not a large venue.", None, None),
        # a negation said with a verb or preposition in the original, with "not" in the rewrite
        ("The car dispenses with all the normal controls.", "The car does not have all the normal controls.",
         None, None),
        ("Such studies overlook the loneliness among younger adults.",
         "These studies do not talk about the loneliness among younger adults.", None, None),
        ("Despite the slowdown, more Indians are rich than in 2013.",
         "The economy has not been good, but more Indians are rich than in 2013.", None, None),
        ("The bridge may close to traffic.", "The bridge will close to traffic.", "modality", "will"),
        ("The bridge could close to traffic.", "The bridge can close to traffic.", None, None),
        ("He would be ready.", "He will be ready.", None, None),
        # rule 2 takes the forms of "be", "have" and "do" for each other
        ("Changing weather patterns are also having an impact on tourism.",
         "Weather is changing and this is not also having an effect on tourism.", "negation-added", "is not"),
        # ... but not a pair of words the original has without its negation too
        ("The crane wasn’t there but is there now.", "The crane is there now.", None, None),
        # rule 4: the negated words reworded in place, framed by unchanged words
        ("Its logo was designed with a bite taken out of it to avoid confusion with a cherry.",
         "It was designed with a bite taken out of it so that it would look like a cherry.",
         "negation-removed", "so that it would look like"),
        ("Cliff Downing said he was sceptical about the latest tale.",
         "Cliff Downing said he was sure about the latest story.", "negation-removed", "was sure"),
        ("He says more rich people would not result in social tensions.",
         "He says more rich people will create more social problems.", "negation-removed", "will create more"),
        ("Many people will remain poor by 2030 unless countries focus on inequality.",
         "Many people will remain poor by 2030 if countries do try to help.", "negation-removed",
         "if countries do try to help"),
        # "unless" with one content word after it, said after a plain "if": rule 3 for "if not"
        ("Their organs will be donated unless they opt out.",
         "People agree to donate their organs, if they have opted out.", "negation-removed",
         "if they have opted out"),
        # shown as the whole condition, however the stretch was found
        ("It will not be possible to get to zero unless development policies prioritize the poor, it adds.",
         "It will not be possible to get to zero poverty if development policies do focus on the poor, it adds.",
         "negation-removed", "if development policies do focus on the poor"),
        ("Their organs will be donated unless they opt out.", "Their organs will be given if they do not opt out.",
         None, None),
        # ... but not where the negation moved elsewhere in the sentence, or went with its words
        ("Many people will remain poor by 2030 unless countries focus on inequality.",
         "Many people will remain poor by 2030 if countries don't focus on the poor.", None, None),
        ("The mayor is interested not so much in the cost but in the benefits.",
         "The mayor is less interested in the cost and more interested in the benefits.", None, None),
        ("People went to Nevada, which is a leave-no-trace event, where people camp.",
         "People went to Nevada, where people camp.", None, None),
        # a negated implicit negation is a double negation: it says the same as no negation at all
        ("Other car makers do not dispense with the driver controls.",
         "Other car makers will have driver controls.", None, None),
        ("It will not be possible to finish unless the council pays.",
         "It will not be possible to finish if the council does not pay.", None, None),
        # the scope word in another form: "agree" and "agreed" share a stem
        ("The council did not agree.", "The council agreed.", "negation-removed", "agreed"),
        # a word the other side has un-negated no more often than this side: the negated mention was left
        # out, not turned round ("they can't film" dropped, "are going to film" kept) ...
        ("People are going to film, and if you tell them they can't film, they get angry.",
         "People are going to film, so you must accept it.", None, None),
        # ... but one more un-negated mention there is a flip
        ("Some staff agreed, but the nurses did not agree.", "Some staff agreed, and the nurses agreed too.",
         "negation-removed", "agreed"),
        # a contrastive "not" says what "than", "rather than" or "instead of" says
        ("Cities look like they are built more for cars than people.",
         "Cities look like they are built for cars and not for people.", None, None),
        ("At the time, it was a more urgent source of news than the television.",
         "At the time, people used BBM, not their televisions, to find out the news.", None, None),
        ("The council approved the plan and the budget.", "The council approved the plan, not the budget.",
         "negation-added", "not"),
        # a verb of speech that attributes a quotation says nothing of saying; a reported one does
        ("“I am proud of what I did,” he said in an interview.", "He will not say he is sorry for what he did.",
         None, None),
        ("He said the plan was dead.", "He did not say the plan was dead.", "negation-added", "did not"),
        # a linking verb's negation bears on its complement ("will not become unemployed")
        ("If you get rid of the driver, then they are unemployed, said Dennis Conyon.",
         "Dennis Conyon said that taxi drivers will not become unemployed.", "negation-added", "will not"),
        # ... and an irregular verb's past form: "feel" and "felt" share a stem too
        ("He did not feel safe at home.", "He felt safe at home.", "negation-removed", "felt"),
        # ... but not a transitive verb's object ("get")
        ("Families on low incomes get free school meals.", "Families on low incomes cannot get free school meals.",
         "negation-added", "cannot"),
        # rule 4 on the clause that holds the negation, when the rewrite split it out of a long sentence
        ("Traders will move to a covered market in Church Square for the duration of the works, and rents are "
         "not to be increased during the first year following reopening.",
         "Their rent will go up in the first year after the hall opens again.", "negation-removed", "will go up in"),
        # ... framed by content words, not by "we" alone
        ("Often, we don't want to reveal those drafts; that would be embarrassing.",
         "And we change a lot of those drafts before we act.", None, None),
        # rule 5: a double negation against the implicit negation alone says the opposite
        ("Professor Freund was also sceptical.", "Professor Freund was not also sceptical.",
         "negation-added", "was not"),
        ("A few stars have rejected the challenge.", "A few stars have not rejected the challenge.",
         "negation-added", "have not"),
        ("The firm did not fail to pay its staff.", "The firm failed to pay its staff.",
         "negation-removed", "failed"),
        ("The firm did not fail to pay its staff.", "The firm paid its staff.", None, None),
        # "not only" negates nothing, on either side
        ("There is a fear that austerity not only doesn’t work – it kills.",
         "There is a fear that austerity not only does work – it kills.", "negation-removed", "does work"),
        # an aside between commas after the cue: the negation bears on what follows it
        ("Memory does not, as is often assumed, work like a video camera.",
         "Memory does work like a video camera.", "negation-removed", "does work"),
        ("This does not serve, in our view, the public interest.",
         "This is not, in our view, in the public interest.", None, None),
        # rule 5 for a hyphenated "un-": "felt un-Brazilian" says "did not feel Brazilian"
        ("Some said the protests felt un-Brazilian but liberating.",
         "Some said the protests did feel Brazilian but they were liberating.", "negation-removed",
         "did feel Brazilian"),
        ("Some said the protests felt un-Brazilian but liberating.",
         "Some said the protests did not feel Brazilian but they were liberating.", None, None),
        # ... not "non-": a non-profit organisation negates nothing
        ("The non-profit body has received bids for new names.",
         "The non-profit body has not had bids for new names.", "negation-added", "has not"),
        # rule 6: a number or date the negated clause holds stands un-negated on the other side
        ("As the challenge notched up $100m for a charity, the backlash has quickly followed.",
         "It has not raised $100 million for the charity.", "negation-added", "has not"),
        ("Refurbishment of the hall is scheduled to commence in April, after a vote.",
         "Work on the hall will not start in April.", "negation-added", "will not"),
        # ... not a number of value zero, itself a negation of quantity
        ("The report argues that more of the same will not get to zero.",
         "The report says that countries need to make changes to achieve zero poverty.", None, None),
        # ... not one in another clause after the negation ("not certain that ... in 2030")
        ("Whether the region copes in 2030 remains to be seen.",
         "It is not clear that the valley will manage in 2030.", None, None),
        ("The region copes in 2030, officials say.", "It is not clear that the valley will manage in 2030.",
         None, None),
        ("The region copes in 2030, officials say.", "The valley will not manage in 2030.", "negation-added",
         "will not"),
        # a negation reaches neither across a semicolon nor into a subordinate clause
        ("The new target is not 20-30%; it is at least 30%.", "The new target is 20-30%; it is at least 30%.",
         "negation-removed", "is 20"),
        ("It is not certain that Everest can take more tourists.",
         "It is not certain that Everest can not take more tourists.", "negation-added", "can not"),
        # a negation whose verb is left out ("but BBM doesn't;"): its punctuation is its right neighbour
        ("Viber has calls, but BBM doesn’t; Path shares places, but BBM doesn’t; nobody has stickers.",
         "Viber has calls, but BBM doesn’t; Path shares places, but BBM does; nobody has stickers.",
         "negation-removed", "does;"),
        # the word negated in the same place among its occurrences ("make" twice)
        ("Firms should make new antibiotics, which will not make them much money.",
         "Firms should make new antibiotics, which will make them much money.", "negation-removed", "will make"),
        # "nothing more than" negates nothing
        ("Such schemes are temporary and give a little relief.",
         "Such schemes give nothing more than a little relief.", None, None),
        # rule 5 for quantifiers: "little teff" against "much teff", "few know" against "many know"
        ("With little Ethiopian teff on the market, farmers in the US have started planting it.",
         "There is much Ethiopian teff on the market, so farmers in the US have started planting it.",
         "negation-removed", "is much"),
        ("Many people know the rule.", "Few people know the rule.", "negation-added", "Few"),
        ("Few people know the rule.", "Not many people know the rule.", None, None),
        ("A few people know the rule.", "Many people know the rule.", None, None),
        # the scope word in a form that lost its "e" ("using" / "use")
        ("He checks if he should be using the word “cool”.", "He checks if he should not use the word “cool”.",
         "negation-added", "should not"),
        # rule 3 reads a hyphenated word as its parts ("pregnancy-related" keeps "related to pregnancy")
        ("Some arrive with broken bones, while others suffer pregnancy-related complications and mental illness.",
         "Some come with broken bones and others have not problems related to pregnancy and mental illness.",
         "negation-added", "have not"),
        # ... but a compound of more than two parts as one word ("use-it-or-lose-it")
        ("Navigation is a use-it-or-lose-it skill.",
         "If we don’t practise using our navigation skills, we will lose them.", None, None),
        # a quantifier of another strength on the same word: across "all", or two steps
        ("Most people in the town support the bridge.", "All people in the town support the bridge.",
         "quantity", "All"),
        ("All of the stations were closed.", "Most of the stations were closed.", "quantity", "Most"),
        ("Some schools have closed their libraries.", "Most schools have closed their libraries.",
         "quantity", "Most"),
        ("The trains are often late in winter.", "The trains are always late in winter.", "quantity", "always"),
        ("Every pupil gets a free meal.", "Some pupils get a free meal.", "quantity", "Some"),
        ("Patients went there for some services.", "Patients went there for all services.", "quantity", "all"),
        ("Many of them stayed at home.", "All of them stayed at home.", "quantity", "All"),
        ("Almost all shops were shut.", "All shops were shut.", "quantity", "All"),
        # ... but not one step, nor another word, nor a quantifier that quantifies nothing
        ("Many farmers grow wheat here.", "Most farmers grow wheat here.", None, None),
        ("Nearly every farmer grows wheat here.", "Most farmers grow wheat here.", None, None),
        ("Some farmers grow wheat here.", "Many farmers grow wheat here.", None, None),
        ("Most farmers grow wheat here.", "All the wheat here is grown by farmers.", None, None),
        ("It is the most important bridge in the city.", "It is the most important bridge in the city.", None, None),
        ("They did not like the show at all.", "They often did not like the show.", None, None),
        ("First of all, the pupils read the rules.", "The pupils often read the rules.", None, None),
        ("They fixed the road once and for all time.", "They fixed the road for some time.", None, None),
        ("The twins help each other often.", "The twins help each other always.", None, None),
        ("Not all doctors agree with the plan.", "Some doctors agree with the plan.", "negation-removed",
         "doctors agree with the plan"),
        # a word's opposite in its place, in the same frame, with as many explicit negations
        ("House prices rose sharply in the north.", "House prices fell sharply in the north.", "opposite", "fell"),
        ("The council approved the plan for a road.", "The council rejected the plan for a road.", "opposite",
         "rejected"),
        ("His wife runs the shop.", "Her husband runs the shop.", "opposite", "husband"),
        ("The museum opened before the war.", "The museum opened after the war.", "opposite", "after"),
        ("Older people use the bus more.", "Younger people use the bus more.", "opposite", "Younger"),
        ("Patients should continue taking the tablets.", "Patients should stop taking the tablets.", "opposite",
         "stop"),
        ("The storm killed two people.", "The storm injured two people.", "opposite", "injured"),
        ("Bag drop desks will close 45 minutes before take-off.", "Bag drop desks will open 45 minutes before "
         "take-off.", "opposite", "open"),
        ("The pool will stay open until 9pm.", "The pool will stay closed until 9pm.", "opposite", "closed"),
        ("The museum is open to the public on Sundays.", "The museum is closed on Sundays.", "opposite", "closed"),
        # a fact the rewrite hedges, the mirror of a possibility stated as a fact
        ("The new vaccine protects against all four strains.", "The new vaccine may protect against all four "
         "strains.", "modality", "may protect"),
        # points of the compass, fresh and salt water; a delay itself denied
        ("The first cases were found in the south of the region.", "The first cases were found in the east of the "
         "region.", "opposite", "east"),
        ("The species lives only in freshwater lakes.", "The species lives only in saltwater lakes.", "opposite",
         "saltwater"),
        ("Rain delayed the start of play until mid-afternoon.",
         "Rain did not delay the start of play until mid-afternoon.", "negation-added", "did not"),
        # a compound in "-free" is a negation
        ("Entry to the museum is free for children.", "Children do not pay to enter the museum.", None, None),
        ("Meals are sugar-free.", "Meals have no sugar.", None, None),
        ("The office is smoke-free.", "The office is not smoke-free.", "negation-added", "is not"),
        # opposites of time, degree and law, and words of one kind that exclude each other in one frame
        ("Tom Aldridge had previously played with the Hollies.", "Tom Aldridge later played with the Hollies.",
         "opposite", "later"),
        ("The battle ended in a decisive victory.", "The battle ended in a narrow victory.", "opposite", "narrow"),
        ("The legislature overrode the veto.", "The legislature upheld the veto.", "opposite", "upheld"),
        ("It will open two years behind schedule.", "It will open two years ahead of schedule.", "opposite", "ahead"),
        ("The film was nominated for three awards.", "The film won three awards.", "opposite", "won"),
        ("A knee injury kept him out.", "An ankle injury kept him out.", "opposite", "ankle"),
        ("She won a silver medal in Tokyo.", "She won a gold medal in Tokyo.", "opposite", "gold"),
        ("Copper mixed with tin makes bronze.", "Copper mixed with zinc makes bronze.", "opposite", "zinc"),
        ("Shifts in the orbit strengthened the monsoon rains.", "Changes in the orbit weakened the monsoon rains.",
         "opposite", "weakened"),
        ("The heat causes the air to expand rapidly.", "The heat causes the air to shrink rapidly.", "opposite",
         "shrink"),
        ("Old cells are broken down in the spleen and liver.", "Old cells are broken down in the spleen and kidneys.",
         "opposite", "kidneys"),
        # "not … until" said as "only then"
        ("Its ruins were not rediscovered until a British survey team arrived in 1911.",
         "Its ruins were found again only in 1911, when a British survey team arrived.", None, None),
        ("Play did not start until the afternoon.", "Play only started in the afternoon.", None, None),
        ("Play did not start until the afternoon.", "Play started in the afternoon.", "negation-removed", "started"),
        # "turned … down", its object between verb and particle, is "rejected"
        ("The novel was rejected by six publishers.", "Six publishers turned the novel down.", None, None),
        ("The publishers turned it down.", "The publishers accepted it.", "opposite", "accepted"),
        # an opposite in a stretch free of negations, where another stretch has one on one side only
        ("Villages on the southern slopes were evacuated, although no injuries have been reported.",
         "Villages on the northern slopes were evacuated. No one has been reported hurt.", "opposite", "northern"),
        ("Prices did not rise last year.", "Prices fell last year.", None, None),
        ("Pregnant women should avoid liver, which can harm an unborn baby.",
         "If you are pregnant, do not eat liver. It can harm your baby before it is born.", None, None),
        ("Admission will be charged at £3 for adults, with no charge being made for children.",
         "Adults pay £3. Children can come in free.", None, None),
        # steps of the law, and roles that exclude each other in one frame
        ("A man has been arrested on suspicion of fraud.", "A man has been charged with fraud.", "opposite",
         "charged"),
        ("A doctor at the hospital has been suspended.", "A nurse at the hospital has been suspended.", "opposite",
         "nurse"),
        # "a few" claims some, two steps from "most"
        ("Most of the passengers were offered rooms.", "A few of the passengers were offered rooms.", "quantity",
         "few"),
        # a word and its "un" form
        ("Experts agree that the building is safe.", "Experts say the building is unsafe.", "opposite", "unsafe"),
        ("He was unemployed for a year.", "He was employed for a year.", "opposite", "employed"),
        ("The minister resigned on Tuesday.", "The minister was sacked on Tuesday.", "opposite", "sacked"),
        ("The bus will stop running after 6pm.", "The bus will start running after 6pm.", "opposite", "start"),
        ("The minister denied that the plan had failed.", "The minister admitted that the plan had failed.",
         "opposite", "admitted"),
        ("The museum is open every day except Monday.", "The museum is open every day, including Monday.",
         "opposite", "including"),
        ("The company will cut 200 jobs.", "The company will create 200 jobs.", "opposite", "create"),
        ("The road will be closed on weekdays.", "The road will be closed at weekends.", "opposite", "weekends"),
        ("The law was passed in the autumn.", "The law was passed in the spring.", "opposite", "spring"),
        ("You can apply if you live in the city.", "You can apply unless you live in the city.", "opposite",
         "unless"),
        ("The match was postponed.", "The match was cancelled.", "opposite", "cancelled"),
        ("He was charged with murder.", "He was convicted of murder.", "opposite", "convicted"),
        ("The man was arrested.", "The man was released.", "opposite", "released"),
        ("The museum is free for children.", "The museum is free for adults.", "opposite", "adults"),
        ("All 30 passengers survived.", "All 30 passengers died.", "opposite", "died"),
        ("The storm will hit the north-west.", "The storm will hit the south-east.", "opposite", "south-east"),
        ("The doctor said the tumour was benign.", "The doctor said the tumour was malignant.", "opposite",
         "malignant"),
        ("The scheme is voluntary.", "The scheme is compulsory.", "opposite", "compulsory"),
        ("The vote took place on Tuesday night.", "The vote took place on Tuesday morning.", "opposite", "morning"),
        ("The job is full-time.", "The job is part-time.", "opposite", "part-time"),
        ("The closure is temporary.", "The closure is permanent.", "opposite", "permanent"),
        ("The event will be held indoors.", "The event will be held outdoors.", "opposite", "outdoors"),
        # ... but not a negated opposite, which says the same, nor a converse, nor another frame
        ("House prices did not rise last year.", "House prices fell last year.", None, None),
        ("The idea came to him as September began to fade.", "He had the idea at the end of September.", None, None),
        ("You can apply unless you live in the city.", "You can apply if you do not live in the city.", None, None),
        # "none", "no" or "nobody" bears on the verb of its clause: no one died is everyone survived
        ("All 30 passengers survived.", "None of the 30 passengers died.", None, None),
        ("The doctor said the tumour was benign.", "The doctor said the tumour was not cancerous.", None, None),
        ("The museum is free for children and adults.", "The museum is free for adults and children.", None, None),
        ("The man was arrested and later released.", "Police arrested the man but let him go later.", None, None),
        ("House prices rose last year.", "House prices did not fall last year.", None, None),
        ("The road is not safe at night.", "The road is dangerous at night.", None, None),
        ("The road is not safe at night.", "The road is unsafe at night.", None, None),
        # a negation said with an "un" word in the other sentence; but not one that negates the "un" word
        ("The service is unavailable at weekends.", "You cannot use the service at weekends.", None, None),
        ("“If you get rid of the driver, then they’re unemployed,” said Dennis Conyon.",
         "Dennis Conyon said that taxi drivers will not become unemployed.", "negation-added", "will not"),
        # a denial that something exists, said without a negation; and flipped, where the thing is named
        ("The tests did not find any problems with the water supply.", "The tests found the water supply was fine.",
         None, None),
        ("The tests did not find any problems with the water.", "The tests found some problems with the water.",
         "negation-removed", "found"),
        ("The tests found problems with the water.", "The tests did not find any problems with the water.",
         "negation-added", "did not"),
        ("Unless you pay, you cannot enter.", "You cannot enter unless you pay less.", None, None),
        ("The storm killed two people and injured ten.", "Two people died and ten were hurt in the storm.", None,
         None),
        ("Patients should not stop taking the medicine without advice.",
         "Keep taking the medicine unless a doctor tells you to stop.", None, None),
        ("Teff is now sold in shops.", "You can now buy teff in shops.", None, None),
        ("It was the first visit to the city.", "The city was the last stop on the visit.", None, None),
        ("Prices rose in May and fell in June.", "Prices fell in June after they rose in May.", None, None),
        # a verb of belief said as one of knowledge, or the other way round
        ("I think it will be the best thing we have done.", "I know it will be the best thing we have done.",
         "modality", "know"),
        ("Scientists believe the drug works in mice.", "Scientists know the drug works in mice.", "modality",
         "know"),
        ("Everyone knows the bridge is old.", "People think the bridge is old.", "modality", "think"),
        ("Scientists believe the drug works in mice.", "Scientists think the drug works in mice.", None, None),
        # a verb said of the future on one side and of the past on the other
        ("The new bridge will open in June.", "The new bridge opened in June.", "tense", "opened"),
        ("The council has closed the library.", "The council will close the library.", "tense", "will close"),
        ("The work will be finished by May.", "The work was finished by May.", "tense", "was finished"),
        ("The company expects profits to fall.", "The company's profits have fallen.", "tense", "have fallen"),
        ("The museum is planning to sell the painting.", "The museum has sold the painting.", "tense", "has sold"),
        ("By 2014 it expects to have opened 1,400 shops.", "By 2014 it expects to open 1,400 shops.", None, None),
        # a participle with its agent after "by" is no verb of the past; a change's size after "by" is
        ("The season opens with a symphony, conducted by Elena Varga.",
         "The season opens with a symphony. Elena Varga will conduct it.", None, None),
        ("Shares dropped by 14 percent on Monday.", "Shares will drop by 14 percent on Monday.", "tense", "will drop"),
        ("Shares dropped by a third on Monday.", "Shares will drop by a third on Monday.", "tense", "will drop"),
        # ... but not the same time said another way, a verb with two times, reporting, or a negated verb
        ("The bridge will open in June.", "The bridge will be opened in June.", None, None),
        ("The bridge opened in June.", "The bridge was opened in June.", None, None),
        ("The shop, which opened in 1990, will close in May.", "The shop opened in 1990. It will close in May.",
         None, None),
        ("The council said it will close the library.", "The council will close the library, it said.", None,
         None),
        ("Officials expected that the road would open in May.", "The road opened in May.", None, None),
        ("The plan will not be approved.", "The plan was not approved.", None, None),
        # an open question stated as a fact
        ("Police are investigating whether the fire was started deliberately.",
         "Police say the fire was started deliberately.", "modality", "fire was started deliberately"),
        # ... but not one still asked, nor a choice ("whether to")
        ("Police are investigating whether the fire was started deliberately.",
         "Police are trying to find out if someone started the fire.", None, None),
        ("Officials will decide whether to close the road.", "Officials will decide about closing the road.", None,
         None),
        ("The council asked residents whether they wanted a new park.",
         "The council asked residents about a new park.", None, None),
        # a possibility stated as a fact: the verb after "may", "might" or "could", with no hedge left
        ("The drug could reduce the risk of stroke.", "The drug reduces the risk of stroke.", "modality", "reduces"),
        ("The council may close the road in May.", "The council closes the road in May.", "modality", "closes"),
        ("Warmer seas might explain the decline.", "Warmer seas explained the decline.", "modality", "explained"),
        # ... but not one still hedged, a permission said as an instruction, or a past ability
        ("The drug could reduce the risk of stroke.", "The drug may lower the risk of stroke.", None, None),
        ("The work might take two years.", "The work will probably take two years.", None, None),
        ("The drug could reduce the risk.", "Doctors think the drug reduces the risk.", None, None),
        ("You may apply online.", "Apply online.", None, None),
        ("She could hear the trains from her house.", "She heard the trains from her house.", None, None),
        # ... or said with "will" or "must" about what the hedged clause was about, the verb said another way
        ("The new 40mph limit could be introduced on the A38 next spring.",
         "The new 40mph limit will be brought in on the A38 next spring.", "modality", "will"),
        ("Residents may be asked to boil their tap water if tests show further contamination.",
         "If tests show more contamination, residents will have to boil their tap water.", "modality", "will"),
        # ... and a plan or an expectation said with "will"
        ("The company is considering moving its head office to Birmingham.",
         "The firm's main office will move to Birmingham.", "modality", "will"),
        ("Prices are expected to rise in the spring.", "Prices will rise in the spring.", "modality", "will"),
        ("Prices are expected to rise in the spring.", "Prices will probably rise in the spring.", None, None),
        ("The council is considering a 20mph limit across the town centre.",
         "A 20mph limit is going to be brought in across the town centre.", "modality", "is going to"),
        # ... "if" sets a condition, it hedges nothing; a plan said with "will" is how news reports one
        ("People with a weak immune system may be offered a booster dose in the spring.",
         "If your immune system is weak, you will be given a booster dose in the spring.", "modality", "will"),
        ("The museum plans to open a new gallery next year.", "The museum will open a new gallery next year.", None,
         None),
        # ... but not a "will" the original says too, nor one the rewrite still hedges
        ("We will see smarter machines, but the breakthrough will be when they know what you might be thinking.",
         "We will see smarter machines, but the breakthrough will be when they understand what we think.", None,
         None),
        ("The new limit could be introduced on the A38 next spring.",
         "The new limit will possibly be brought in on the A38 next spring.", None, None),
        # a verb of not doing turned positive: shown where the rewrite says it, or at the opposite it uses
        ("Please refrain from taking photos during the show.", "Please do take photos during the show.",
         "negation-removed", "do take photos during the show"),
        ("The rules forbid the export of raw grain.", "The rules allow the export of raw grain.", "opposite",
         "allow"),
        ("The rules forbid the export of raw grain, only allowing flour.",
         "The rules do allow the export of raw grain, only of flour.", "negation-removed",
         "do allow the export of raw grain"),
        ("The rules forbid the export of raw grain.", "The rules do not allow the export of raw grain.", None,
         None),
        # "few" and a negation make a majority, which the rewrite may say with one; "few" without the
        # negation is the flip, and "a few" is no "few"
        ("Few residents did not vote in the election.", "Almost every resident voted in the election.", None,
         None),
        ("Few residents did not vote in the election.", "Few residents voted in the election.",
         "negation-removed", "voted"),
        ("A few residents did not vote.", "Almost every resident voted.", "negation-removed", "voted"),
        # "the first" / "the only": one claim for another
        ("She was the first woman to fly across the Atlantic alone.",
         "She was the only woman to fly across the Atlantic alone.", "opposite", "only"),
        # outcomes that exclude each other in one frame
        ("Police arrested two men after the attack.", "Police killed two men after the attack.", "opposite",
         "killed"),
        ("Two men were arrested and one was killed.", "Police arrested two men. One man was killed.", None,
         None),
        # "beat" a team is to win against it ("were beaten by" is to lose, so only the active forms)
        ("United beat Chelsea on Saturday.", "United lost to Chelsea on Saturday.", "opposite", "lost"),
        ("United were beaten by Chelsea on Saturday.", "United lost to Chelsea on Saturday.", None, None),
        # the noun a verb such as "make" or "take" carries is what its negation bears on, and its opposite
        # says the same as the negation
        ("She did not make a profit.", "She made a loss.", None, None),
        ("The shop did not make a profit last year.", "The shop made a profit last year.", "negation-removed",
         "made"),
        ("Brazil and Peru have lodged objections to the bid.",
         "Brazil and Peru have not made objections to the bid.", "negation-added", "have not"),
        ("Brazil and Peru have lodged objections to the bid.", "Brazil and Peru have made objections to the bid.",
         None, None),
        # a negated "un" word says its base word: its base negated says the opposite
        ("The disease is not untreatable.", "The disease cannot be treated.", "negation-added",
         "cannot be treated"),
        ("Such delays are not uncommon.", "Such delays are not common.", "negation-added", "not common"),
        ("Such delays are not uncommon.", "Such delays are common.", None, None),
        ("Such delays are common.", "Such delays are not uncommon.", None, None),
        # an opposite said of the subject of a passive verb and the object of an active one
        ("Bills fell after the price cap was lowered.", "Bills fell because the government raised the price cap.",
         "opposite", "raised"),
        ("The price cap was lowered by the government.", "The government lowered the price cap.", None, None),
        ("Inflation eased to 3.4% in May.", "Inflation rose to 3.4% in May.", "opposite", "rose"),
        ("Inflation eased to 3.4% in May.", "Inflation fell to 3.4% in May.", None, None),
        # the alternative the original chose, its other one left out
        ("Bins will be emptied every three weeks instead of every two weeks.",
         "Bins will be emptied every three weeks.", None, None),
        # what a change turns away from, said as the state of things now
        ("Bins will be emptied every three weeks instead of every two weeks.",
         "Bins will be emptied every three weeks, but now they are emptied every two weeks.", None, None),
        ("Bins will be emptied every three weeks instead of every two weeks.",
         "Bins will be emptied every three weeks, but they are emptied every two weeks.", "negation-removed",
         "be emptied every three weeks, but they are emptied every two weeks"),
        # an adjective in "-able" says what its verb says ("would not be affordable" / "could afford")
        ("Repairs to the roof would not be affordable.", "The council could afford repairs to the roof.",
         "negation-removed", "could afford"),
        ("Most families cannot afford the new homes.", "The new homes are affordable for most families.",
         "negation-removed", "are affordable"),
        ("The plan is not acceptable to the union.", "The union accepted the plan.", "negation-removed",
         "accepted"),
        ("The union accepted the plan.", "The union said the plan was acceptable.", None, None),
        ("The old trains were not reliable.", "People could not rely on the old trains.", None, None),
        # "not … without" is a requirement: said plainly, no flip; "without" alone, a flip shown where it is
        ("People who had an allergic reaction should not have the vaccine without first speaking to a GP.",
         "If you had an allergic reaction, talk to a GP before you have the vaccine.", None, None),
        ("People who had a reaction to the vaccine should not have the vaccine without speaking to a GP.",
         "If you had a reaction to the vaccine, you should have the vaccine without speaking to a GP.",
         "negation-removed", "should have the vaccine"),
        # a phrasal verb is the one-word verb it says; an opposite the rewrite says of another thing is no
        # counterpart ("easing fears" / "eased fears")
        ("Sales of electric cars fell in March.", "Sales of electric cars went up in March.", "opposite", "went up"),
        ("Prices went up in March.", "Prices rose in March.", None, None),
        ("The river level dropped overnight, easing fears of flooding.",
         "The river rose overnight. This eased fears of flooding.", "opposite", "rose"),
        # an obligation made a permission
        ("Passengers must wear a face covering.", "Passengers can wear a face covering.", "modality", "can"),
        ("Passengers must wear a face covering.", "Passengers should wear a face covering.", "modality", "should"),
        # "declined to" is a refusal, not a fall
        ("The judge declined to give the company more time.", "The judge gave the company more time.",
         "negation-removed", "gave the company more time"),
        ("Sales declined to £5m.", "Sales fell to £5m.", None, None),
        ("The committee turned down the plan.", "The committee approved the plan.", "negation-removed", "approved"),
        ("The distance was 2.4km, down from 3.1km.", "The distance was 2.4km, up from 3.1km.", "opposite", "up from"),
        ("Tomorrow will be cooler than today.", "Tomorrow will be warmer than today.", "opposite", "warmer"),
        # the same figure after both words is a frame, however the rest was reworded
        ("Shares in the retailer fell 8% after it warned on profits.",
         "The retailer warned that profits would be smaller. Its shares then rose 8%.", "opposite", "rose"),
        ("Prices fell by 5% in May.", "In May, the cost of goods fell by 5%.", None, None),
        ("The A47 remains closed in both directions between Acle and Great Yarmouth.",
         "The road between Acle and Great Yarmouth has now reopened both ways.", "opposite", "reopened"),
        ("The council said the road would not reopen until the gas main had been repaired.",
         "The road will stay shut until the gas main is fixed, the council said.", None, None),
        # a claim made more certain, an obligation made advice, too little made enough
        ("The study suggests that walking might reduce the risk.", "The study shows that walking cuts the risk.",
         "modality", "shows"),
        ("The strikes would probably go ahead on Monday.", "The strikes will definitely go ahead on Monday.",
         "modality", "definitely"),
        ("Universities are required to publish their data.", "Universities are encouraged to publish their data.",
         "modality", "encouraged"),
        ("Shoppers are advised to check the batch number.", "Shoppers must check the batch number.", "modality",
         "must"),
        ("Visitors must wear a mask on the wards.", "Visitors are encouraged to wear a mask on the wards.", "modality",
         "encouraged"),
        ("There was insufficient evidence to charge the driver.", "There was enough evidence to charge the driver.",
         "opposite", "enough"),
        # a comparison turned round, its frame the words after "than"
        ("Prices rose by 3%, which was less than the national average.",
         "This was more than the average for the country.", "opposite", "more"),
        # the part of a group a negated relative clause picks out, said as "the others"
        ("Families who do not qualify may buy a seat on the bus.", "Other families can buy a seat on the bus.",
         None, None),
        ("Families who do not qualify may buy a seat on the bus.", "Families who qualify may buy a seat on the bus.",
         "negation-removed", "qualify"),
        # ... by its noun, not any "other"
        ("MRSA is a bacteria that is resistant to methicillin and all other penicillins.",
         "MRSA is a bacteria that is not resistant to methicillin and all other penicillins.", "negation-added",
         "is not"),
        # "not … unless" said as "only if"; a plain "if" drops the restriction
        ("Residents cannot park in the bay unless they have a permit.",
         "Residents can park in the bay only if they have a permit.", None, None),
        ("Residents cannot park in the bay unless they have a permit.",
         "Residents can park in the bay if they have a permit.", "negation-removed", "can park"),
        # ... also with the "unless" first
        ("Unless the deal is approved by shareholders, the takeover will not go ahead.",
         "The takeover will only happen if shareholders agree to the deal.", None, None),
        ("Unless the deal is approved by shareholders, the takeover will not go ahead.",
         "The takeover will happen if shareholders agree to the deal.", "negation-removed",
         "if shareholders agree to the deal"),
        # a negation said without one: "not enough" / "too few", "must not pay less than" / "at least"
        ("The bus was withdrawn in January because too few people used it.",
         "It was stopped in January because not enough people used it.", None, None),
        ("Employers must not pay workers less than the minimum wage.",
         "By law, workers must be paid at least the minimum wage by their employer.", None, None),
        ("The load must not be more than 20 kilos.", "The load can be up to 20 kilos.", None, None),
        ("Not enough people used it.", "Enough people used it.", "negation-removed", "people"),
        ("Employers must not pay workers less than the minimum wage.",
         "Employers are allowed to pay workers less than the minimum wage.", "negation-removed",
         "are allowed to pay"),
        # "illegal" is a negation
        ("It is illegal to park on the pavement.", "You must not park on the pavement.", None, None),
        # a participle after "be", a linking verb or a contracted "be" is no verb of the past
        ("Exam classes are expected to be taught as normal.", "Exam classes should still be taught as usual.",
         None, None),
        ("E-scooters will remain banned.", "E-scooters will be banned.", None, None),
        ("The shop will remain closed.", "The shop was closed.", "tense", "was closed"),
        # one result told from the other side is no opposite; the same subject is
        ("New Zealand lost to Australia in Perth.", "Australia beat New Zealand in Perth.", None, None),
        ("New Zealand lost to the Wallabies in Perth.", "The Wallabies beat New Zealand in Perth.", None, None),
        ("New Zealand lost to Australia in Perth.", "New Zealand beat Australia in Perth.", "opposite", "beat"),
        # negations said without one: abstaining, a freeze, an effect that wore off
        ("China and Russia abstained in the vote.", "China and Russia did not vote in the vote.", None, None),
        ("The university will freeze rent in its halls.", "The university will not raise rent in its halls.",
         None, None),
        ("The effect was not sustained at six months.", "By six months, the effect had worn off.", None, None),
        # a negation said with a negative prefix on the other side
        ("It is possible to park there.", "It is not possible to park there.", "negation-added", "is not"),
        # "old" of an age is no opposite of "young"; kinds of public transport exclude each other
        ("Call 111 if your child is under 3 months old.", "Is your baby younger than 3 months? Then call 111.",
         None, None),
        ("A single tram ticket in Ardley will stay at £2.20.", "A single bus ticket in Ardley will stay at £2.20.",
         "opposite", "bus"),
        ("The government has approved funding for the bypass.", "The government has suggested funding for the bypass.",
         "opposite", "suggested"),
        # "reopen" said as "open again" is no opposite of the "closed" the rewrite adds
        ("The museum will reopen next month after two years of work.",
         "The museum has been closed for two years. It will open again next month.", None, None),
        # the whole a quantifier's part belongs to; a comparison with the compass point as a noun; a newer
        # building for an older one; a law that stops what it allowed
        ("All members of the crew survived the sinking.", "Some of the crew survived when the ship sank.",
         "quantity", "Some"),
        ("All members of the crew survived the sinking.", "All of the crew survived when the ship sank.", None, None),
        ("Northern voles are noticeably larger than southern ones.",
         "Voles in the north are clearly smaller than those in the south.", "opposite", "smaller"),
        ("The east wing is a century older than the main building.",
         "The east wing is a hundred years newer than the main building.", "opposite", "newer"),
        ("The new law allows pharmacists to prescribe antibiotics.",
         "The new law stops pharmacists from giving out antibiotics.", "opposite", "stops"),
        # a belief said as agreement, the underside of a leaf as its top, upstream as downstream
        ("The ruins are thought by some archaeologists to be a Roman signal station.",
         "Archaeologists agree that the ruins are a Roman signal station.", "modality", "agree"),
        ("Glass frogs lay their eggs on the undersides of leaves.", "Glass frogs lay their eggs on top of leaves.",
         "opposite", "top"),
        ("The castle stands a short distance upstream from the bridge.",
         "The castle is a little way downstream from the bridge.", "opposite", "downstream"),
        # damp for dry, far for close, relaxed for tightened, a decision reversed for one upheld
        ("Store the adhesive in a cool, dry place.", "Store the glue somewhere cool and damp.", "opposite", "damp"),
        ("The method finds large planets in close orbits.", "The method finds big planets that orbit far away.",
         "opposite", "far"),
        ("Asthma causes the muscles of the airways to tighten.", "Asthma makes the muscles of the airways relax.",
         "opposite", "relax"),
        ("The appeal court reversed the lower court's decision.", "The appeal court upheld the lower court's decision.",
         "opposite", "upheld"),
        # "X, not Y" where the original has both days is an added negation
        ("Garden waste will be collected on Tuesdays and Thursdays.",
         "Garden waste will be collected on Thursdays, not Tuesdays.", "negation-added", "not"),
    ],
)  # fmt: skip
def test_flips(original: str, rewrite: str, kind: str | None, shown: str | None) -> None:
    found = flips([original], [rewrite])
    if kind is None:
        assert found == []
    else:
        assert [(flip.kind, flip.rewrite.text) for flip in found] == [(kind, shown)]
        assert rewrite[found[0].rewrite.start : found[0].rewrite.end] == shown


@pytest.mark.parametrize(
    ("words", "time"),
    [
        ("they’re unemployed", None),
        ("it's closed", None),
        ("should still be taught", None),
        ("will still be taught", "future"),
        ("will only be delivered", "future"),
        ("will remain closed", "future"),
        ("remain closed", None),
        ("was still closed", "past"),
        ("closed", "past"),
    ],
)
def test_the_time_of_a_verb_is_read_from_its_auxiliaries(words: str, time: str | None) -> None:
    lower = words.split()
    assert polarity._time_of(lower, len(lower) - 1) == time


@pytest.mark.parametrize(
    ("original", "rewrite", "groups_r", "expected"),
    [
        # "not safe" for "unsafe" in a sentence split in three
        ("Several schools in Glenmuir were closed on Tuesday morning because icy roads made it unsafe for buses to run.",
         ["On Tuesday morning the roads in Glenmuir were icy.", "It was not safe for buses to run.",
          "So several schools there were closed."], [[0], [0], [0]], []),
        # a negation said again after its clause, in a sentence of its own that the alignment left out
        ("Teachers at four secondary schools in Wenford will not strike next week after reaching an agreement with "
         "the academy trust over workload.",
         ["Teachers at four secondary schools in Wenford were going to strike next week.", "Now they will not.",
          "They have made a deal with the trust that runs the schools about how much work they have to do."],
         [[0], [], [0]], []),
        # comparatives compared with the same thing, a few words on
        ("Rents in Harbourne rose by 11% last year, faster than anywhere else in the region, according to a report "
         "by housing charity Homefirst.",
         ["It says rents in Harbourne went up by 11% last year.", "This was slower than in other places in the region."],
         [[0], [0]], [("opposite", "slower")]),
    ],
)  # fmt: skip
def test_flips_across_a_split_sentence(
    original: str, rewrite: list[str], groups_r: list[list[int]], expected: list[tuple[str, str]]
) -> None:
    evidence = name_evidence([original, *rewrite])
    facts_o = [extract_facts(original, 0, evidence)]
    facts_r = [extract_facts(text, j, evidence) for j, text in enumerate(rewrite)]
    groups_o = [[j for j, group in enumerate(groups_r) if 0 in group]]
    found = find_flips(facts_o, facts_r, [original], rewrite, groups_o, groups_r)
    assert [(flip.kind, flip.rewrite.text) for flip in found] == expected


def test_a_dropped_negated_clause_is_no_flip() -> None:
    original = ["The council agreed the plan, but it did not publish the costs."]
    rewrite = ["The council agreed the plan."]
    assert flips(original, rewrite) == []


def test_a_flip_needs_aligned_sentences_or_shared_content_words() -> None:
    """Unaligned sentences with fewer than three content words in common are never compared."""
    evidence = name_evidence(["It was not late.", "It was late."])
    facts_o = [extract_facts("It was not late.", 0, evidence)]
    facts_r = [extract_facts("It was late.", 0, evidence)]
    assert find_flips(facts_o, facts_r, ["It was not late."], ["It was late."], [[]], [[]]) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("It was late.", 0),
        ("It was not late.", 1),
        ("They failed to deliver, and did not apologise.", 2),
        ("We chose a theatre rather than a stadium.", 1),
        ("The mirror could replace air-conditioning units.", 1),
        ("Other car makers do not dispense with the driver controls.", 0),
        ("The drug failed to stop the disease.", 0),
        ("They refused to ban it.", 0),
        ("They failed to deliver it.", 1),
    ],
)
def test_negative_cues(text: str, count: int) -> None:
    assert negative_cues(text, extract_facts(text, 0)) == count


def test_an_unaligned_sentence_is_compared_with_the_sentence_it_shares_most_words_with() -> None:
    original = [
        "The path will not be reopened until repairs are done, a process which is not expected to be "
        "concluded before the end of March next year."
    ]
    rewrite = [
        "The path will not open until it is mended.",
        "This is expected to happen before the end of March next year.",
    ]
    evidence = name_evidence([*original, *rewrite])
    facts_o = [extract_facts(text, i, evidence) for i, text in enumerate(original)]
    facts_r = [extract_facts(text, i, evidence) for i, text in enumerate(rewrite)]
    found = find_flips(facts_o, facts_r, original, rewrite, [[0]], [[0], []])  # the second is unaligned
    assert [(flip.kind, flip.rewrite.sentence, flip.rewrite.text) for flip in found] == [
        ("negation-removed", 1, "is expected")
    ]


def test_an_unaligned_sentence_keeps_a_negation_its_neighbour_carries() -> None:
    """The original's 'no longer open' is in the rewrite's aligned first sentence: the unaligned second
    sentence ('stay open later') is not a flip of it."""
    original = ["The library will no longer open on Mondays but will instead remain open later on three evenings."]
    rewrite = ["The library will not open on Mondays.", "Instead, it will stay open later on three evenings."]
    evidence = name_evidence([*original, *rewrite])
    facts_o = [extract_facts(text, i, evidence) for i, text in enumerate(original)]
    facts_r = [extract_facts(text, i, evidence) for i, text in enumerate(rewrite)]
    assert find_flips(facts_o, facts_r, original, rewrite, [[0]], [[0], []]) == []


def test_an_unaligned_sentence_between_two_aligned_ones_is_compared_with_the_sentences_between_them() -> None:
    """A split part with too few words in common with anything ("you must not own the home") is compared
    with each original sentence between those its aligned neighbours came from."""
    original = [
        "The grant is paid to the installer once the work is done.",
        "In order to qualify, applicants must own the property in question, whether as an owner-occupier or "
        "as a private landlord, and must have a valid certificate.",
    ]
    rewrite = [
        "The money goes to the firm that fits the pump.",
        "To get the grant, you must not own the home.",
        "You must also have a valid certificate.",
    ]
    evidence = name_evidence([*original, *rewrite])
    facts_o = [extract_facts(text, i, evidence) for i, text in enumerate(original)]
    facts_r = [extract_facts(text, i, evidence) for i, text in enumerate(rewrite)]
    found = find_flips(facts_o, facts_r, original, rewrite, [[0], [2]], [[0], [], [1]])
    assert [(flip.kind, flip.rewrite.sentence, flip.rewrite.text) for flip in found] == [
        ("negation-added", 1, "must not")
    ]
    # at the end of the rewrite: compared with the original's last sentence where its neighbour came from it
    tail = find_flips(facts_o, facts_r[:2], original, rewrite[:2], [[], [0]], [[1], []])
    assert [(flip.kind, flip.rewrite.sentence) for flip in tail] == [("negation-added", 1)]
    # ... and left alone where its neighbour came from another sentence, or nothing is aligned
    assert find_flips(facts_o, facts_r, original, rewrite, [[0], []], [[0], [], []]) == []
    assert find_flips(facts_o, facts_r, original, rewrite, [[], []], [[], [], []]) == []


def test_a_sentence_the_alignment_put_elsewhere_keeps_the_negation_of_its_lexical_counterpart() -> None:
    original = [
        "They said a private company should not be given a name that denotes a whole region.",
        "Allowing companies to register geographical names does not serve the public interest.",
    ]
    rewrite = [
        "A private company should not have a name that is the name of a whole region.",
        "Allowing companies to register geographical names is not in the public interest.",
    ]
    evidence = name_evidence([*original, *rewrite])
    facts_o = [extract_facts(text, i, evidence) for i, text in enumerate(original)]
    facts_r = [extract_facts(text, i, evidence) for i, text in enumerate(rewrite)]
    # the alignment put both rewrite sentences with the second original sentence
    assert find_flips(facts_o, facts_r, original, rewrite, [[], [0, 1]], [[1], [1]]) == []


def test_refrain_is_a_negation() -> None:
    assert flips(["Please refrain from taking photos."], ["Please do not take photos."]) == []


def test_a_quantity_the_original_says_elsewhere_in_the_group_is_not_changed() -> None:
    """ "Every day" in one original sentence, "almost every day" in the other, and the rewrite merges them
    with "almost every day": the rewrite says what one of its sources says."""
    original = ["Every day, I answer letters from young people.", "I see young people almost every day."]
    rewrite = ["I see young people almost every day and answer their letters."]
    evidence = name_evidence([*original, *rewrite])
    facts_o = [extract_facts(text, i, evidence) for i, text in enumerate(original)]
    facts_r = [extract_facts(text, i, evidence) for i, text in enumerate(rewrite)]
    assert find_flips(facts_o, facts_r, original, rewrite, [[0], [0]], [[0, 1]]) == []
    merged_from_one = find_flips(facts_o[:1], facts_r, original[:1], rewrite, [[0]], [[0]])
    assert [(flip.kind, flip.rewrite.text) for flip in merged_from_one] == [("quantity", "every")]


def test_the_table_of_opposites_pairs_every_two_lists_of_a_line() -> None:
    from evalkit.drift.facts import _word_tables, word_pairs

    pairs = word_pairs("opposites")
    lines = [line for line in _word_tables()["opposites"].splitlines() if line.strip()]
    lists = [line.count(" : ") + 1 for line in lines]
    assert len(pairs) == sum(n * (n - 1) // 2 for n in lists) and min(lists) == 2 and len(lines) > 50
    for first, second in pairs:
        assert first and second and not first & second


def test_the_other_half_of_a_split_sentence_keeps_its_negation() -> None:
    """The alignment put only the second half of a split sentence with it; the first half, next to it,
    keeps the negation ("will no longer open" / "will not open")."""
    original = ["The library will no longer open on Mondays but will instead remain open later on three evenings."]
    rewrite = ["The library will not open on Mondays.", "Instead, it will stay open later on three evenings."]
    evidence = name_evidence([*original, *rewrite])
    facts_o = [extract_facts(text, i, evidence) for i, text in enumerate(original)]
    facts_r = [extract_facts(text, i, evidence) for i, text in enumerate(rewrite)]
    assert find_flips(facts_o, facts_r, original, rewrite, [[1]], [[], [0]]) == []


@pytest.mark.parametrize(
    ("word", "read_as"),
    [("affordable", "afford"), ("Acceptable", "accept"), ("reliable", "rely"), ("regrettable", "regret"),
     ("desirable", "desire"), ("notable", "notable"), ("capable", "capable"), ("vegetable", "vegetable"),
     ("table", "table"), ("unable", "unable")],
)  # fmt: skip
def test_an_adjective_in_able_is_read_as_its_verb(word: str, read_as: str) -> None:
    assert polarity.stem(word) == stem(read_as)


def test_a_may_not_made_must_is_still_a_removed_negation() -> None:
    """ "may not … without" said as "must" keeps the rule; "may not bring" made "must bring" turns it round."""
    found = flips(["Visitors may not bring food into the museum."], ["Visitors must bring food into the museum."])
    assert "negation-removed" in [flip.kind for flip in found]
