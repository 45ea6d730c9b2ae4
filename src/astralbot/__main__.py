from astralbot.cli import main

main()
