namespace benchgate {}  // placeholder, being written
