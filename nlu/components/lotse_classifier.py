"""Lotse's intent classifier for Rasa: normalised text, TF-IDF character and word n-grams, a
linear SVM, and calibrated probabilities; at two levels, the topic and the question within it.

Why not Rasa's own: on our twelve-language data the built-in LogisticRegressionClassifier
(C fixed at 1, raw counts) reached 91.8 % on the held-out set and DIET needed ~45 minutes to
train on two cores; this component reaches about 94 % and trains in about half a minute
(measured with `lotse nlu eval`, see the README). Normalisation folds what newcomers type
inconsistently: case, accents and diacritics, Arabic/Persian letter variants, repeated letters.

Second level: examples written as Rasa retrieval intents (`- intent: housing/rent_too_high`, in
`data/faq/`) train the topic like any other example and, in addition, a question classifier on
the same features. A question's score is its topic's probability times the question's share
within that topic, so the two levels never disagree: the best question always belongs to a topic
the first level ranks, and a message that is not about a topic gets no confident question.
Each topic also has a class for the topic in general (``<topic>/*``), trained on the topic's
chat-style examples: "Wo kann ich mich anmelden?" is about registration, not about one of its
questions, and without that class the softmax handed its share to the nearest question
("I live with friends, can I register there?", 0.84). The general class takes part in each
topic's shares but is never listed as a question, so a generic message gets its topic's answer
and its questions as buttons.
Why not Rasa's ResponseSelector: it is a DIET model (TensorFlow; the training time above), and the
answers live in `content/`, not in a Rasa domain. The parse result gains `question` and
`question_ranking` (name, confidence, topic), beside Rasa's usual `intent` and `intent_ranking`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, List, Optional, Text

import joblib
import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

# Arabic-script letters written interchangeably (hamza forms, taa marbuta, alef maqsura) and the
# Arabic/Persian kaf and yeh, folded to one form each; tatweel dropped.
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ی",
        "ي": "ی",
        "ئ": "ی",
        "ؤ": "و",
        "ك": "ک",
        "ـ": "",
        "\u200c": " ",
    }
)
_REPEATS = re.compile(r"(.)\1{2,}")


class LinearTimeTfidf(TfidfVectorizer):
    """TF-IDF whose transform costs time in the message's n-grams, not in the vocabulary.

    scikit-learn weighs by multiplying with a sparse diagonal matrix as wide as the vocabulary
    (a few hundred thousand n-grams in twelve languages), so every parse paid for the size of
    the training data; here the weights are applied to the non-zero entries only. Same result
    (``fit_transform`` is scikit-learn's; ``transform`` equals its output).
    """

    def transform(self, raw_documents: Any) -> Any:
        counts = CountVectorizer.transform(self, raw_documents).astype(np.float64)
        if self.sublinear_tf:
            np.log(counts.data, counts.data)
            counts.data += 1
        if self.use_idf:
            # ``idf_`` is recomputed from the diagonal matrix on every access: read it once.
            if getattr(self, "_idf_values", None) is None:
                self._idf_values = np.asarray(self.idf_, dtype=np.float64)
            counts.data *= self._idf_values[counts.indices]
        return normalize(counts, norm=self.norm, copy=False) if self.norm else counts


def normalise(text: str) -> str:
    """Lower case, no accents or diacritics, one letter form, at most two repeats."""
    text = text.casefold().replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_LETTERS)
    return _REPEATS.sub(r"\1\1", text)


class SoftmaxSVM:
    """A linear SVM whose scores become probabilities by a softmax with a fitted temperature.

    For the question level, where a class has a few dozen examples: sigmoid calibration per
    class (CalibratedClassifierCV) squeezes such scores towards each other (0.25 vs 0.21 for a
    clear case), while one temperature, chosen on out-of-fold scores to minimise the log loss,
    keeps the SVM's margins and makes the best question stand out when it should.
    """

    def __init__(self, c: float = 1.0, folds: int = 3) -> None:
        self.c = c
        self.folds = folds
        self.temperature = 1.0
        self.svm: Any = None
        self.classes_: Any = None

    def fit(self, features: Any, labels: Any) -> "SoftmaxSVM":
        from sklearn.model_selection import StratifiedKFold, cross_val_predict
        from sklearn.svm import LinearSVC

        self.svm = LinearSVC(C=self.c, class_weight="balanced")
        _, counts = np.unique(labels, return_counts=True)
        folds = min(self.folds, int(counts.min()))
        if folds >= 2:
            scores = cross_val_predict(
                LinearSVC(C=self.c, class_weight="balanced"),
                features,
                labels,
                cv=StratifiedKFold(folds, shuffle=True, random_state=0),
                method="decision_function",
            )
            classes = np.unique(labels)
            truth = np.searchsorted(classes, labels)
            losses = {}
            for temperature in np.geomspace(0.5, 100.0, 60):
                logits = scores * temperature
                logits = logits - logits.max(axis=1, keepdims=True)
                log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
                losses[float(temperature)] = -float(log_probs[np.arange(len(truth)), truth].mean())
            self.temperature = min(losses, key=losses.__getitem__)
        self.svm.fit(features, labels)
        self.classes_ = self.svm.classes_
        return self

    def predict_proba(self, features: Any) -> Any:
        logits = self.svm.decision_function(features) * self.temperature
        logits = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)


def _is_faq(message: Message) -> bool:
    """True for a long-question example (its intent is a question id ``<topic>/<slug>``)."""
    return bool(message.get(INTENT_RESPONSE_KEY))


#: The question-level class of a topic in general (its chat-style examples), ``<topic>/*``.
GENERAL = "*"


def _general(topic: str) -> str:
    return f"{topic}/{GENERAL}"


#: Output keys of the second level in Rasa's parse result.
QUESTION = "question"
QUESTION_RANKING = "question_ranking"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LotseIntentClassifier(GraphComponent, IntentClassifier):
    """TF-IDF n-grams into a calibrated linear SVM for topics, and a second one for questions."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "C": 1.0,
            "char_ngram_max": 5,
            "word_ngram_max": 2,
            "calibration_folds": 5,
            "ranking_length": 10,
            # Weight of a long-question example (a question id) in the topic model, against 1 for a
            # chat-style one: enough to learn long questions, not so much that topics which
            # share words in long questions ("Jobcenter") blur for short chat messages.
            "faq_weight": 0.5,
            # The question level: its own regularisation and calibration (fewer examples per
            # class than topics have), and how many questions the parse result lists.
            "question_C": 1.0,
            "question_calibration_folds": 3,
            "question_ranking_length": 10,
        }

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        pipeline: Optional[Any] = None,
        questions: Optional[Any] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.pipeline = pipeline
        self.questions = questions
        self._question_topics: List[str] = []
        self._topic_index: Dict[str, int] = {}
        self._index_questions()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LotseIntentClassifier":
        return cls(config, model_storage, resource)

    def _features(self) -> Any:
        from sklearn.pipeline import make_union

        return make_union(
            LinearTimeTfidf(
                analyzer="char_wb",
                ngram_range=(1, self.config["char_ngram_max"]),
                sublinear_tf=True,
            ),
            LinearTimeTfidf(
                analyzer="word", ngram_range=(1, self.config["word_ngram_max"]), sublinear_tf=True
            ),
        )

    @staticmethod
    def _calibrated_svm(c: float, folds: int) -> Any:
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.svm import LinearSVC

        svm = LinearSVC(C=c, class_weight="balanced")
        # Fitted on all data; the folds only calibrate the scores into probabilities.
        return CalibratedClassifierCV(svm, cv=folds, ensemble=False)

    def _build(self) -> Any:
        from sklearn.pipeline import make_pipeline

        return make_pipeline(
            self._features(),
            self._calibrated_svm(self.config["C"], self.config["calibration_folds"]),
        )

    def _index_questions(self) -> None:
        """Which topic each question belongs to, as column indexes into the topic scores."""
        if self.pipeline is None or self.questions is None:
            self._question_topics, self._topic_index = [], {}
            return
        self._topic_index = {str(t): i for i, t in enumerate(self.pipeline.classes_)}
        self._question_topics = [str(q).split("/", 1)[0] for q in self.questions.classes_]

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        if len({m.get(INTENT) for m in examples}) < 2:
            return self._resource
        texts = [normalise(m.get(TEXT)) for m in examples]
        weights = np.array(
            [self.config["faq_weight"] if _is_faq(m) else 1.0 for m in examples], dtype=float
        )
        self.pipeline = self._build()
        self.pipeline.fit(
            texts,
            np.array([m.get(INTENT) for m in examples]),
            calibratedclassifiercv__sample_weight=weights,
        )
        # The question level reuses the topic level's fitted features (one transform per parse).
        asked = [i for i, m in enumerate(examples) if m.get(INTENT_RESPONSE_KEY)]
        question_labels = [str(examples[i].get(INTENT_RESPONSE_KEY)) for i in asked]
        # A topic's chat-style examples are its general class (see the module docstring).
        topics = {label.split("/", 1)[0] for label in question_labels}
        general = [
            i
            for i, m in enumerate(examples)
            if not m.get(INTENT_RESPONSE_KEY) and m.get(INTENT) in topics
        ]
        asked += general
        labels = np.array(question_labels + [_general(examples[i].get(INTENT)) for i in general])
        self.questions = None
        if len(set(question_labels)) >= 2:
            features = self.pipeline[:-1].transform([texts[i] for i in asked])
            self.questions = SoftmaxSVM(
                self.config["question_C"], self.config["question_calibration_folds"]
            ).fit(features, labels)
        self._index_questions()
        self.persist()
        return self._resource

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self.pipeline, directory / "pipeline.joblib")
            if self.questions is not None:
                joblib.dump(self.questions, directory / "questions.joblib")

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LotseIntentClassifier":
        pipeline = questions = None
        try:
            with model_storage.read_from(resource) as directory:
                # Our own model files, written by `persist` above. A model from before the
                # question level has no questions.joblib and parses at the topic level only.
                pipeline = joblib.load(directory / "pipeline.joblib")
                if (directory / "questions.joblib").is_file():
                    questions = joblib.load(directory / "questions.joblib")
        except (ValueError, FileNotFoundError):
            pass
        return cls(config, model_storage, resource, pipeline, questions)

    @staticmethod
    def _annotate(message: Message, ranking: List[Any], length: int) -> None:
        """Sets the top intent and the ranking (empty ranking: no intent)."""
        name, confidence = ranking[0] if ranking else (None, 0.0)
        message.set(
            INTENT,
            {
                INTENT_NAME_KEY: None if name is None else str(name),
                PREDICTED_CONFIDENCE_KEY: float(confidence),
            },
            add_to_output=True,
        )
        message.set(
            "intent_ranking",
            [
                {INTENT_NAME_KEY: str(n), PREDICTED_CONFIDENCE_KEY: float(c)}
                for n, c in ranking[:length]
            ],
            add_to_output=True,
        )

    def _question_ranking(self, features: Any, topics: Any) -> List[Dict[str, Any]]:
        """Questions by P(topic) x P(question | topic), best first."""
        scores = self.questions.predict_proba(features)[0]
        columns = np.array([self._topic_index.get(t, -1) for t in self._question_topics])
        known = columns >= 0
        # Each question's share within its topic: the question model's scores, normalised
        # over the questions of the same topic.
        totals: Dict[str, float] = {}
        for topic, score in zip(self._question_topics, scores):
            totals[topic] = totals.get(topic, 0.0) + float(score)
        joint = [
            float(topics[column]) * float(score) / totals[topic] if ok and totals[topic] else 0.0
            for topic, column, score, ok in zip(self._question_topics, columns, scores, known)
        ]
        general = f"/{GENERAL}"
        listed = [
            i for i in range(len(joint)) if not str(self.questions.classes_[i]).endswith(general)
        ]
        order = sorted(listed, key=lambda i: -joint[i])
        return [
            {
                INTENT_NAME_KEY: str(self.questions.classes_[i]),
                PREDICTED_CONFIDENCE_KEY: joint[i],
                "topic": self._question_topics[i],
            }
            for i in order[: self.config["question_ranking_length"]]
        ]

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            ranking: List[Any] = []
            questions: List[Dict[str, Any]] = []
            if self.pipeline is not None and text:
                features = self.pipeline[:-1].transform([normalise(text)])
                probabilities = self.pipeline[-1].predict_proba(features)[0]
                ranking = sorted(zip(self.pipeline.classes_, probabilities), key=lambda p: -p[1])
                if self.questions is not None:
                    questions = self._question_ranking(features, probabilities)
            self._annotate(message, ranking, self.config["ranking_length"])
            if self.questions is not None:
                message.set(QUESTION, questions[0] if questions else None, add_to_output=True)
                message.set(QUESTION_RANKING, questions, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
