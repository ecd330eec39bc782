package footprint

import (
	"fmt"
	"strings"

	"boomerang/sim/rng"
)

// This file gives every page a made-up title that reads like a real page
// ("Sunday Hiking Club", "Utrecht Bible Study Group") so that a visitor
// of the app picks pages as they would like pages, without being told
// what a like reveals. A title comes from word lists per page kind (the
// attribute the page mainly loads on and its sign, a latent interest, or
// a general page) and never names that attribute; the same page count
// gives the same titles, like the catalogue itself. Topic words are what
// the page is about in plain words (e.g. "religion faith church"): a
// search may match them, a label never shows them.

// titleSeed fixes the titles for a page count, as catalogueSeed fixes the
// pages [assumption: any fixed seed].
const titleSeed = 0x7171e5_2026

// pageKind is the words of one kind of page: the subjects its titles are
// about and its topic words.
type pageKind struct {
	subjects []string // noun phrases that fit "… Club" and "Friends of …"
	topic    string   // what the kind is about, for search only
}

// attributeKinds are the kinds of attribute pages: [attribute][0] for
// sign +, [attribute][1] for sign −.
var attributeKinds = [NumAttributes][2]pageKind{
	Openness: {
		{[]string{"Modern Art", "Poetry", "Jazz", "Philosophy", "Arthouse Film", "Backpacking", "World Music", "Street Art"}, "openness curiosity art culture travel"},
		{[]string{"Classic Rock", "Home Cooking", "Country Music", "Fishing", "Local Traditions", "TV Quiz", "Darts", "Caravan Holidays"}, "tradition routine familiar"},
	},
	Conscientiousness: {
		{[]string{"Bullet Journal", "Early Risers", "Budget Planning", "Marathon Training", "Meal Prep", "Tidy Home", "Time Management", "Savings Tips"}, "conscientiousness planning order discipline"},
		{[]string{"Procrastination", "Last Minute Deals", "Lazy Sunday", "Nap Time", "Snooze Button", "Messy Desk", "Spontaneous Trips", "Midnight Snacks"}, "spontaneous careless disorder"},
	},
	Extraversion: {
		{[]string{"Karaoke", "Party People", "Festival Crew", "Networking Drinks", "Club Nights", "Stand-up Comedy", "Salsa Dancing", "Pub Quiz"}, "extraversion party social outgoing"},
		{[]string{"Quiet Reading", "Cosy Gaming", "Cat Lovers", "Anime", "Solo Hiking", "Puzzle", "Tea at Home", "Book Nook"}, "introversion quiet alone"},
	},
	Agreeableness: {
		{[]string{"Animal Shelter", "Kindness", "Volunteer", "Community Garden", "Charity Run", "Neighbourhood Help", "Blood Donors", "Foster Parents"}, "agreeableness kindness helping"},
		{[]string{"Roast Battle", "Honest Reviews", "Debate", "Hard Truths", "Sarcasm", "Rant", "Complaints", "Trash Talk"}, "blunt argument critical"},
	},
	Neuroticism: {
		{[]string{"Overthinkers", "Sad Songs", "Insomnia", "Worry Less", "Self-Help", "Anxiety Memes", "Rainy Days", "Late Night Thoughts"}, "neuroticism worry anxiety stress mood"},
		{[]string{"Stoic Mornings", "Calm Outdoors", "Chill Vibes", "Zen Garden", "Easy Living", "Good Vibes", "Cold Showers", "Mountain Air"}, "calm relaxed stable"},
	},
	Ideology: {
		{[]string{"Tax Payers", "Hunting", "Law and Order", "Classic Cars", "Free Enterprise", "Traditional Values", "Army Veterans", "Small Business"}, "politics conservative right-wing"},
		{[]string{"Climate Action", "Fair Trade", "Vegan Recipes", "Cycling Commuters", "Refugees Welcome", "Social Justice", "Organic Food", "Public Transport"}, "politics progressive left-wing"},
	},
	Age: {
		{[]string{"Golden Oldies", "Grandparents", "Crossword", "Allotment", "Ballroom Dancing", "Bowls", "Retirement", "Antiques"}, "age older elderly retired"},
		{[]string{"Student Deals", "Gaming Streams", "Skate Park", "Festival Tickets", "Meme", "Sneakers", "Esports", "Exam Stress"}, "age young youth student"},
	},
	Gender: {
		{[]string{"Football Banter", "Car Tuning", "Barbecue", "Beard Care", "Power Tools", "Motorbike", "Fantasy Football", "Craft Beer"}, "gender men male"},
		{[]string{"Makeup Tutorials", "Nail Art", "Mums", "Yoga for Women", "Skincare", "Fashion Finds", "Baking Queens", "Girls Night"}, "gender women female"},
	},
	Party: {
		{[]string{"Proud Patriots", "National Heritage", "Border Watch", "Farmers Protest", "Flag and Country", "Stop the Elite", "Common Sense", "Dutch First"}, "politics party vote right-wing nationalist"},
		{[]string{"Open Society", "Europe Together", "Diversity", "Green Future", "Human Rights", "Democracy Now", "Welcome Culture", "Peace"}, "politics party vote"},
	},
	Religious: {
		{[]string{"Bible Study", "Parish Choir", "Daily Prayer", "Faith and Family", "Gospel Music", "Church Youth", "Mosque Community", "Pilgrimage"}, "religion religious faith church belief god prayer"},
		{[]string{"Secular Weekends", "Science over Myth", "Humanists", "Sunday Brunch", "Free Thinkers", "Skeptics", "Evolution", "Sunday Market"}, "secular atheism"},
	},
	Migrant: {
		{[]string{"Turkish Cooking", "Moroccan Community", "Surinamese Food", "Bollywood Nights", "Diaspora Music", "Polish Shop", "Arabic Calligraphy", "Afrobeats"}, "migration background origin ethnicity diaspora"},
		{[]string{"Local Dialect", "Village Fair", "Carnival", "Folk Dance", "Clog Making", "Windmill", "Herring Season", "Brass Band"}, "local native"},
	},
	LGB: {
		{[]string{"Pride", "Queer Film", "Rainbow Choir", "Drag Brunch", "LGBT Book", "Gay Games", "Rainbow Families", "Queer History"}, "sexuality lgb gay lesbian bisexual queer"},
		{[]string{"Wedding Planning", "Dad Jokes", "Family Camping", "Bachelor Party", "Ladies Golf", "Couples Dance", "Baby Names", "Baby Shower"}, "family"},
	},
	Health: {
		{[]string{"Diabetes Support", "Chronic Pain", "Pharmacy Deals", "Arthritis Help", "Heart Care", "Gluten Free", "Living with MS", "Patient Voices"}, "health illness chronic condition disease"},
		{[]string{"Trail Running", "CrossFit", "Triathlon", "Cold Water Swimming", "Mountain Biking", "Climbing", "Ultra Running", "Gym Gains"}, "fitness sport"},
	},
}

// interestKinds are the kinds of latent-interest pages, one per named
// interest and in the order of interestNames (interests.go): a fan page of
// "pets" is about dogs and cats. The topic words start with the interest's
// name, so a search for the name finds its pages.
var interestKinds = [NumInterests]pageKind{
	{[]string{"Live Music", "Vinyl Records", "Summer Festival", "Indie Bands"}, "music and festivals concerts"},
	{[]string{"Tennis", "Hockey", "Sports News", "Volleyball"}, "sport"},
	{[]string{"Street Food", "Home Cooking", "Sourdough", "Food Trucks"}, "food and cooking baking recipes"},
	{[]string{"Travel Deals", "City Trips", "Beach Holidays", "Road Trips"}, "travel holidays"},
	{[]string{"Fashion", "Vintage Clothes", "Streetwear", "Thrift Shopping"}, "fashion clothes"},
	{[]string{"Video Games", "Retro Gaming", "Nintendo", "Speedrunning"}, "gaming video games"},
	{[]string{"Young Parents", "Toddler Tips", "School Run", "Family Days Out"}, "parenting children family"},
	{[]string{"Dogs", "Cats", "Puppies", "Dog Walking"}, "pets dogs cats"},
	{[]string{"Electric Cars", "Classic Cars", "Formula 1", "Car Spotting"}, "cars motorsport"},
	{[]string{"Camping", "Hiking", "Nature Walks", "Birdwatching"}, "outdoors nature hiking"},
	{[]string{"Movies", "Cinema", "TV Series", "Crime Drama"}, "film and tv movies series"},
	{[]string{"Science Fiction", "Fantasy Books", "Book Club", "Poetry"}, "books reading"},
	{[]string{"Tech News", "Gadgets", "Smartphones", "Coding"}, "technology gadgets"},
	{[]string{"Running", "Home Workouts", "Pilates", "Gym"}, "fitness running gym"},
	{[]string{"Street Art", "Illustration", "Museum Nights", "Graphic Design"}, "art and design museums"},
	{[]string{"Houseplants", "Vegetable Patch", "Interior Design", "Roses"}, "home and garden gardening plants"},
	{[]string{"Saving Tips", "Budget Living", "Investing", "Frugal Living"}, "personal finance money saving"},
	{[]string{"Astronomy", "Space News", "Science Facts", "Rockets"}, "science space"},
	{[]string{"Stand-Up Comedy", "Funny Videos", "Sketch Shows", "Memes"}, "comedy humour"},
	{[]string{"Makeup", "Skincare", "Nail Art", "Hair Styling"}, "beauty makeup skincare"},
	{[]string{"Club Nights", "Cocktails", "Techno", "Bar Crawl"}, "nightlife going out"},
	{[]string{"Football", "Eredivisie", "Football Fans", "Champions League"}, "football"},
	{[]string{"Photography", "Film Cameras", "Drone Photos", "Portraits"}, "photography"},
	{[]string{"Knitting", "Woodworking", "Crochet", "DIY"}, "diy and crafts knitting"},
	{[]string{"Neighbourhood News", "Town Council", "Local Events", "City News"}, "local news"},
	{[]string{"Volunteers", "Food Bank", "Charity Run", "Neighbourhood Help"}, "volunteering charity"},
	{[]string{"Bible Study", "Sunday Service", "Meditation", "Prayer Group"}, "religion and spirituality religious faith church"},
	{[]string{"Diabetes Support", "Chronic Pain", "Migraine Support", "Patient Voices"}, "health conditions illness chronic"},
	{[]string{"Pride", "Rainbow", "Queer Culture", "LGBTQ Youth"}, "lgbtq community pride queer"},
	{[]string{"Climate Action", "Campaign Volunteers", "Political Debate", "Activists"}, "politics and activism political"},
}

// generalKind is the kind of a general page (no loading).
var generalKind = pageKind{
	[]string{"Weather", "Local News", "Funny Videos", "Memes", "Supermarket Deals", "Bakery", "Traffic Updates", "Recipes", "Lottery", "Handy Tips"},
	"general news everyday",
}

// Words around a subject: day parts and adjectives, Dutch places, and
// what a page calls its followers.
var (
	titleAdjectives = []string{"Sunday", "Weekend", "Daily", "Late Night", "Morning", "Happy", "Real", "Urban", "Little", "Local", "Friday", "Summer"}
	titlePlaces     = []string{"Amsterdam", "Rotterdam", "Utrecht", "Groningen", "Eindhoven", "Tilburg", "Haarlem", "Leiden", "Delft", "Zwolle", "Nijmegen", "Breda", "Maastricht", "Arnhem", "Almere", "Amersfoort"}
	titleSuffixes   = []string{"Club", "Fans", "Lovers", "Society", "Community", "Group", "Collective", "Network", "Corner", "Circle", "Hub", "Page"}
	titlePrefixes   = []string{"Friends of", "We Love", "All About", "I Love", "The Best of"}
)

// kind is the kind of page p.
func (c *Catalogue) kind(p int) pageKind {
	pg := &c.Pages[p]
	switch {
	case pg.Attribute < NumAttributes:
		if pg.Sign < 0 {
			return attributeKinds[pg.Attribute][1]
		}
		return attributeKinds[pg.Attribute][0]
	case pg.Attribute.IsInterest():
		return interestKinds[int(pg.Attribute-NumAttributes)]
	}
	return generalKind
}

// Titles returns a made-up title for every page, e.g. "Sunday Hiking
// Club" or "Friends of Bible Study", all different. A title depends only
// on the page's kind, its id and the page count, and never names the
// attribute the page loads on.
func (c *Catalogue) Titles() []string {
	n := uint64(len(c.Pages))
	out := make([]string, len(c.Pages))
	taken := make(map[string]bool, len(c.Pages))
	for p := range c.Pages {
		draw := func(k uint64, from []string) string {
			return from[rng.Uint64(titleSeed, rng.Footprint, uint64(p), n, k)%uint64(len(from))]
		}
		subject := draw(0, c.kind(p).subjects)
		var t string
		switch rng.Uint64(titleSeed, rng.Footprint, uint64(p), n, 1) % 5 {
		case 0:
			t = draw(2, titlePlaces) + " " + subject + " " + draw(3, titleSuffixes)
		case 1:
			t = draw(2, titleAdjectives) + " " + subject + " " + draw(3, titleSuffixes)
		case 2:
			t = subject + " " + draw(3, titleSuffixes)
		case 3:
			t = draw(4, titlePrefixes) + " " + subject
		default:
			t = subject + " " + draw(2, titlePlaces)
		}
		// A title already taken gets a place, then a number.
		for k := 0; taken[t]; k++ {
			switch {
			case k == 0:
				t += " " + draw(5, titlePlaces)
			default:
				t = fmt.Sprintf("%s %d", strings.TrimRight(strings.TrimRight(t, "0123456789"), " "), k+1)
			}
		}
		taken[t] = true
		out[p] = t
	}
	return out
}

// Topic returns what page p is about in plain English words (e.g.
// "religion religious faith church"), for a search: a page's label is its
// title, and the topic is never shown.
func (c *Catalogue) Topic(p int) string { return c.kind(p).topic }

// TopicKey names the kind of page p for a translation of its topic
// words: "openness+", "religious-", "interest 7" or "general".
func (c *Catalogue) TopicKey(p int) string {
	pg := &c.Pages[p]
	switch {
	case pg.Attribute < NumAttributes:
		if pg.Sign < 0 {
			return pg.Attribute.String() + "-"
		}
		return pg.Attribute.String() + "+"
	case pg.Attribute.IsInterest():
		return fmt.Sprintf("interest %d", int(pg.Attribute-NumAttributes)+1)
	}
	return "general"
}
