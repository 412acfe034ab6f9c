// quiz engine
