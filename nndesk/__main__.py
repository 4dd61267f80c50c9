from nndesk.cli import main

raise SystemExit(main())
