from mktplanner.cli import main

raise SystemExit(main())
