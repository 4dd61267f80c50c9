"""QObjects between workers (threads) and widgets: prediction, datasets, training, evaluation."""
